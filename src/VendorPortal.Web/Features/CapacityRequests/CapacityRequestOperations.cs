using VendorPortal.Web.Features.Events;
using VendorPortal.Web.Features.Shifts;
using VendorPortal.Web.Features.Notifications;

namespace VendorPortal.Web.Features.CapacityRequests;

public sealed class ShiftPlanInput : IShiftTimes
{
    /// <summary>Start in the tenant's local time, e.g. 2026-12-12T08:00.</summary>
    public DateTime StartsAtLocal { get; set; }
    public DateTime EndsAtLocal { get; set; }
    public int Headcount { get; set; }
}

public sealed class CapacityRequestInput
{
    public Guid EventId { get; set; }
    public Guid VendorId { get; set; }
    /// <summary>Skill code, e.g. PRESALES.</summary>
    public string Skill { get; set; } = "";
    /// <summary>The vendor's answer is due by this local time; later answers are marked late.</summary>
    public DateTime RespondByLocal { get; set; }
    public string? Message { get; set; }
    /// <summary>Set when asking this vendor to fill the gap another vendor's answer left.</summary>
    public Guid? BackfillForId { get; set; }
    public List<ShiftPlanInput> Shifts { get; set; } = [];
}

public sealed class CapacityRequestInputValidator : Validator<CapacityRequestInput>
{
    public const int MaxShifts = 200;

    public CapacityRequestInputValidator()
    {
        RuleFor(x => x.EventId).NotEmpty();
        RuleFor(x => x.VendorId).NotEmpty();
        RuleFor(x => x.Skill).NotEmpty().MaximumLength(40);
        RuleFor(x => x.RespondByLocal).NotEmpty();
        RuleFor(x => x.Message).MaximumLength(2000);
        RuleFor(x => x.Shifts).NotNull().Must(s => s.Count is >= 1 and <= MaxShifts).WithMessage("Plan one to 200 shifts.");
        RuleForEach(x => x.Shifts).NotNull().SetValidator(new ShiftPlanInputValidator());
    }
}

public sealed class ShiftPlanInputValidator : Validator<ShiftPlanInput>
{
    public ShiftPlanInputValidator()
    {
        Include(new ShiftTimesValidator());
        RuleFor(x => x.Headcount).InclusiveBetween(1, 1000);
    }
}

public sealed class ShiftAnswerInput
{
    public Guid RequestedShiftId { get; set; }
    /// <summary>Agents the vendor commits for this shift: the headcount (all), fewer (part) or 0.</summary>
    public int Committed { get; set; }
}

public sealed class CapacityResponseInput
{
    /// <summary>One answer per requested shift; a shift left out commits 0.</summary>
    public List<ShiftAnswerInput> Shifts { get; set; } = [];
    public string? Message { get; set; }
}

public sealed class CapacityResponseInputValidator : Validator<CapacityResponseInput>
{
    public CapacityResponseInputValidator()
    {
        RuleFor(x => x.Shifts).NotNull().Must(s => s.Count <= CapacityRequestInputValidator.MaxShifts).WithMessage("Answer at most 200 shifts.");
        RuleForEach(x => x.Shifts).NotNull().ChildRules(s =>
        {
            s.RuleFor(a => a.RequestedShiftId).NotEmpty();
            s.RuleFor(a => a.Committed).InclusiveBetween(0, 1000);
        });
        RuleFor(x => x.Message).MaximumLength(2000);
    }
}

/// <summary>Planners ask vendors for surge capacity shift by shift; vendors answer; commitments become the vendor's shifts.</summary>
public sealed class CapacityRequestOperations(AppDbContext db, AccessScopeAccessor scope, ShiftOperations shifts, Notifier notifier, Webhooks.WebhookOutbox webhooks, TimeProvider clock)
{
    public async Task<CapacityRequest> CreateAsync(CapacityRequestInput input, CancellationToken ct)
    {
        var request = await AddAsync(input, ct);
        await db.SaveChangesAsync(ct);
        notifier.Dispatch(request.TenantId);
        return request;
    }

    /// <summary>
    /// Checks a request as <see cref="CreateAsync"/> does and adds it (with its e-mails) to the unit of work without saving,
    /// so a batch (the suggested plan's send) saves many requests in one transaction or none. The caller saves and dispatches.
    /// </summary>
    public async Task<CapacityRequest> AddAsync(CapacityRequestInput input, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == input.EventId, ct)
            ?? throw new RuleViolation("eventId", EventRules.NoSuchEvent);
        if (e.Status == EventStatus.Closed) throw RuleViolation.Conflict("eventId", EventRules.Closed);
        var vendor = await db.Vendors.AsNoTracking().SingleOrDefaultAsync(v => v.Id == input.VendorId, ct)
            ?? throw new RuleViolation("vendorId", Vendors.VendorRules.NoSuchVendor);
        if (vendor.Status != Vendors.VendorStatus.Active) throw new RuleViolation("vendorId", Vendors.VendorRules.Inactive(vendor.Name));
        var skillId = (await Skills.SkillCodes.ResolveAsync(db, [input.Skill], "skill", ct)).Single();
        if (input.BackfillForId is { } gapId)
        {
            var gap = await db.CapacityRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == gapId, ct)
                ?? throw new RuleViolation("backfillForId", CapacityRules.NoSuchRequest);
            if (gap.EventId != input.EventId || gap.SkillId != skillId)
                throw new RuleViolation("backfillForId", CapacityRules.BackfillMismatch);
            if (gap.VendorId == input.VendorId)
                throw new RuleViolation("vendorId", CapacityRules.BackfillSameVendor);
        }

        var zone = await db.TenantZoneAsync(ct);
        var now = clock.GetUtcNow();
        var planned = PlanTimes(input.Shifts, e, zone, now);
        var respondBy = TenantTime.ToInstant(input.RespondByLocal, zone, "respondByLocal");
        if (respondBy <= now) throw new RuleViolation("respondByLocal", CapacityRules.DueInPast);
        if (respondBy > planned.Min(p => p.StartsAt))
            throw new RuleViolation("respondByLocal", CapacityRules.DueAfterStart);

        var s = scope.Required;
        var request = new CapacityRequest
        {
            TenantId = s.TenantId, VendorId = vendor.Id, EventId = e.Id, SkillId = skillId,
            Message = Clean(input.Message), RespondBy = respondBy, BackfillForId = input.BackfillForId,
            CreatedBy = s.ActorName, CreatedByUserId = s.UserId,
            Shifts = [.. planned.Select(p => new RequestedShift
            {
                TenantId = s.TenantId, VendorId = vendor.Id, StartsAt = p.StartsAt, EndsAt = p.EndsAt, Headcount = p.Headcount,
            })],
        };
        db.CapacityRequests.Add(request);
        await notifier.CapacityRequestedAsync(request, e.Name, input.Skill.Trim().ToUpperInvariant(), ct);
        await RaiseAsync(Webhooks.WebhookEvents.CapacityRequestSent, request, ct);
        return request;
    }

    /// <summary>
    /// The vendor's answer, once: per shift the agents committed (all, part or none). Committed shifts become the
    /// vendor's own shifts; an answer after the respond-by time is kept and marked late.
    /// </summary>
    public async Task<CapacityRequest> RespondAsync(Guid id, CapacityResponseInput input, CancellationToken ct)
    {
        var request = await LoadAsync(id, ct);
        request.EnsureAnswerable();

        var now = clock.GetUtcNow();
        var errors = new List<(string, RuleError)>();
        var answers = new Dictionary<Guid, int>();
        for (var i = 0; i < input.Shifts.Count; i++)
        {
            var a = input.Shifts[i];
            var shift = request.Shifts.FirstOrDefault(x => x.Id == a.RequestedShiftId);
            if (shift is null) errors.Add(($"shifts[{i}].requestedShiftId", CapacityRules.ShiftNotInRequest));
            else if (!answers.TryAdd(a.RequestedShiftId, a.Committed)) errors.Add(($"shifts[{i}].requestedShiftId", CapacityRules.ShiftAnsweredTwice));
            else if (a.Committed > shift.Headcount)
                errors.Add(($"shifts[{i}].committed", CapacityRules.OverAsked(shift.Headcount)));
            else if (a.Committed > 0 && shift.HasStarted(now))
                errors.Add(($"shifts[{i}].committed", CapacityRules.ShiftStarted));
        }
        if (errors.Count > 0) throw RuleViolation.ForRows(errors);

        var committed = answers.Values.Sum();
        var asked = request.Shifts.Sum(x => x.Headcount);
        if (committed == 0 && string.IsNullOrWhiteSpace(input.Message))
            throw new RuleViolation("message", CapacityRules.DeclineReason);

        db.Shifts.AddRange(request.Respond(answers, Clean(input.Message), scope.Required.ActorName, now));
        await notifier.CapacityAnsweredAsync(request, committed, asked, ct);
        await RaiseAsync(Webhooks.WebhookEvents.CapacityRequestAnswered, request, ct);
        await SaveRacingAsync(ct);
        notifier.Dispatch(request.TenantId);
        return request;
    }

    /// <summary>Withdraws a request; shifts already committed under it are cancelled too and their agents released.</summary>
    public async Task<CapacityRequest> CancelAsync(Guid id, string reason, CancellationToken ct)
    {
        var request = await LoadAsync(id, ct);
        var now = clock.GetUtcNow();
        if (!request.Cancel(reason)) return request;
        var committed = await db.Shifts.Where(x => x.RequestId == id && x.Status == ShiftStatus.Scheduled).Where(Shift.NotStartedBy(now)).ToListAsync(ct);
        foreach (var shift in committed) await shifts.ReleaseAsync(shift, request.CancelReason!, ct);
        await notifier.CapacityRequestCancelledAsync(request, committed.Count, ct);
        await RaiseAsync(Webhooks.WebhookEvents.CapacityRequestCancelled, request, ct);
        await SaveRacingAsync(ct);
        notifier.Dispatch(request.TenantId);
        return request;
    }

    private async Task RaiseAsync(string type, CapacityRequest r, CancellationToken ct)
    {
        var eventName = await db.Events.Where(x => x.Id == r.EventId).Select(x => x.Name).SingleAsync(ct);
        var skill = await db.Skills.Where(k => k.Id == r.SkillId).Select(k => k.Code).SingleAsync(ct);
        int? committed = r.Shifts.Any(x => x.Committed is not null) ? r.Shifts.Sum(x => x.Committed ?? 0) : null;
        await webhooks.RaiseAsync(type, r.VendorId, new Webhooks.CapacityRequestData(r.Id, r.VendorId, r.EventId, eventName, skill,
            System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.Status.ToString()), r.RespondBy, r.Shifts.Sum(x => x.Headcount), committed,
            r.Message, r.ResponseMessage, r.CancelReason,
            [.. r.Shifts.OrderBy(x => x.StartsAt).Select(x => new Webhooks.RequestedShiftData(x.Id, x.StartsAt, x.EndsAt, x.Headcount, x.Committed))]), ct);
    }

    private readonly record struct PlannedTimes(DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Headcount);

    /// <summary>Turns local shift times into instants; every wrong shift is reported (a time the clocks skip, a day outside the event, the past).</summary>
    private static List<PlannedTimes> PlanTimes(IReadOnlyList<ShiftPlanInput> plan, SurgeEvent e, TimeZoneInfo zone, DateTimeOffset now)
    {
        var errors = new List<(string, RuleError)>();
        var result = new List<PlannedTimes>(plan.Count);
        for (var i = 0; i < plan.Count; i++)
        {
            var p = plan[i];
            var where = $"shifts[{i}]";
            try
            {
                var times = Shift.Schedule(p.StartsAtLocal, p.EndsAtLocal, e, zone, now, where);
                if (result.Any(r => r.StartsAt == times.Start && r.EndsAt == times.End))
                    errors.Add(($"{where}.startsAtLocal", CapacityRules.ShiftTwice));
                else result.Add(new PlannedTimes(times.Start, times.End, p.Headcount));
            }
            catch (RuleViolation rule)
            {
                errors.Add((rule.Field, rule.Error));
            }
        }
        if (errors.Count > 0) throw RuleViolation.ForRows(errors);
        return result;
    }

    private async Task<CapacityRequest> LoadAsync(Guid id, CancellationToken ct) =>
        await db.CapacityRequests.Include(r => r.Shifts).SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFound(Thing.CapacityRequest);

    private async Task SaveRacingAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw RuleViolation.Conflict("status", CapacityRules.ChangedConcurrently);
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
