using RequestSizeLimitAttribute = Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute;
using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Web.Features.Shifts.Api;

public sealed class ListShiftsRequest : PageRequest
{
    [QueryParam] public Guid? EventId { get; set; }
    [QueryParam] public Guid? VendorId { get; set; }
    [QueryParam] public string? Skill { get; set; }
    /// <summary>Shifts ending on or after this instant (default: now, so past shifts drop off).</summary>
    [QueryParam] public DateTimeOffset? From { get; set; }
    [QueryParam] public DateTimeOffset? To { get; set; }
    [QueryParam] public bool IncludeCancelled { get; set; }
}

public sealed class ListShiftsValidator : PageRequestValidator<ListShiftsRequest>;

public sealed class ListShifts(AppDbContext db, ShiftReads reads, TimeProvider clock) : Endpoint<ListShiftsRequest, Paged<ShiftResponse>>
{
    public override void Configure()
    {
        Get("shifts");
        Group<TenantGroup>();
        Roles(TenantRoles.Planner, TenantRoles.TenantAdmin, TenantRoles.VendorManager);
        Summary(s => s.Summary = "Shifts in time order with assigned, confirmed, declined and attendance counts; a vendor manager sees their vendor's.");
    }

    public override async Task HandleAsync(ListShiftsRequest req, CancellationToken ct)
    {
        var from = req.From ?? clock.GetUtcNow();
        var query = db.Shifts.Where(s => s.EndsAt >= from);
        if (req.To is { } to) query = query.Where(s => s.StartsAt <= to);
        if (req.EventId is { } eventId) query = query.Where(s => s.EventId == eventId);
        if (req.VendorId is { } vendorId) query = query.Where(s => s.VendorId == vendorId);
        if (!string.IsNullOrWhiteSpace(req.Skill))
        {
            var code = req.Skill.Trim().ToUpperInvariant();
            query = query.Where(s => db.Skills.Any(k => k.Id == s.SkillId && k.Code == code));
        }
        if (!req.IncludeCancelled) query = query.Where(s => s.Status == ShiftStatus.Scheduled);
        query = query.OrderBy(s => s.StartsAt).ThenBy(s => s.Id);
        var total = await query.CountAsync(ct);
        var items = await reads.ShiftsAsync(query.Skip((req.Page - 1) * req.PageSize).Take(req.PageSize), ct);
        await Send.OkAsync(new Paged<ShiftResponse>(items, req.Page, req.PageSize, total), ct);
    }
}

public sealed class CreateShift(ShiftOperations shifts, ShiftReads reads) : Endpoint<ShiftInput, ShiftDetail>
{
    public override void Configure()
    {
        Post("shifts");
        Group<TenantGroup>();
        Roles(TenantRoles.Planner, TenantRoles.TenantAdmin);
        Description(b => b.ClearDefaultProduces(200).Produces<ShiftDetail>(201));
        Summary(s => s.Summary = "Adds a shift agreed with a vendor directly, outside a capacity request; times are the tenant's local time.");
    }

    public override async Task HandleAsync(ShiftInput req, CancellationToken ct)
    {
        var shift = await shifts.CreateAsync(req, ct);
        await Send.ResponseAsync(await reads.ShiftAsync(shift.Id, ct), StatusCodes.Status201Created, ct);
    }
}

public sealed class ShiftRoute
{
    public Guid ShiftId { get; set; }
}

public sealed class GetShift(ShiftReads reads) : Endpoint<ShiftRoute, ShiftDetail>
{
    public override void Configure()
    {
        Get("shifts/{shiftId}");
        Group<TenantGroup>();
        Roles(TenantRoles.Planner, TenantRoles.TenantAdmin, TenantRoles.VendorManager);
        Summary(s => s.Summary = "A shift and its agents: status, who decided and when, late decisions, decline reasons, trained for this event, attendance.");
    }

    public override async Task HandleAsync(ShiftRoute req, CancellationToken ct) => await Send.OkAsync(await reads.ShiftAsync(req.ShiftId, ct), ct);
}

public sealed class AssignAgentsRequest
{
    public Guid ShiftId { get; set; }
    public List<Guid> AgentIds { get; set; } = [];
}

public sealed class AssignAgentsValidator : Validator<AssignAgentsRequest>
{
    public AssignAgentsValidator() =>
        RuleFor(x => x.AgentIds).NotNull().Must(a => a.Count is >= 1 and <= 1000).WithMessage("Send one to 1,000 agent ids.");
}

public sealed class AssignAgents(ShiftOperations shifts, ShiftReads reads) : Endpoint<AssignAgentsRequest, ShiftDetail>
{
    public override void Configure()
    {
        Post("shifts/{shiftId}/assignments");
        Group<TenantGroup>();
        Roles(TenantRoles.VendorManager);
        Summary(s =>
        {
            s.Summary = "Assigns the vendor's own agents, all-or-nothing: active, with the shift's skill, not in an overlapping shift or training, within their weekly hours.";
            s.Description = "A shift takes up to its headcount plus the tenant's assignment buffer; past that, or when another assignment took the last place at the same moment, 409.";
        });
    }

    public override async Task HandleAsync(AssignAgentsRequest req, CancellationToken ct)
    {
        await shifts.AssignAsync(req.ShiftId, req.AgentIds, ct);
        await Send.OkAsync(await reads.ShiftAsync(req.ShiftId, ct), ct);
    }
}

public sealed class CancelShiftRequest
{
    public Guid ShiftId { get; set; }
    [FromBody] public CancelInput Cancel { get; set; } = new();
}

public sealed class CancelShiftValidator : Validator<CancelShiftRequest>
{
    public CancelShiftValidator() => RuleFor(x => x.Cancel).NotNull().SetValidator(new CancelInputValidator());
}

public sealed class CancelShift(ShiftOperations shifts, ShiftReads reads) : Endpoint<CancelShiftRequest, ShiftDetail>
{
    public override void Configure()
    {
        Post("shifts/{shiftId}/cancel");
        Group<TenantGroup>();
        Roles(TenantRoles.Planner, TenantRoles.TenantAdmin);
        Summary(s => s.Summary = "Cancels a shift that has not started, with a reason: its agents are released and the vendor's managers are e-mailed. 409 once it has started.");
    }

    public override async Task HandleAsync(CancelShiftRequest req, CancellationToken ct)
    {
        await shifts.CancelAsync(req.ShiftId, req.Cancel.Reason, ct);
        await Send.OkAsync(await reads.ShiftAsync(req.ShiftId, ct), ct);
    }
}

public sealed class RecordConfirmationsRequest
{
    [FromBody] public List<ConfirmationInput> Decisions { get; set; } = [];
}

public sealed class RecordConfirmationsValidator : Validator<RecordConfirmationsRequest>
{
    public RecordConfirmationsValidator()
    {
        RuleFor(x => x.Decisions).NotNull().Must(d => d.Count is >= 1 and <= ShiftOperations.MaxBatch).WithMessage("Send one to 10,000 decisions.");
        RuleForEach(x => x.Decisions).NotNull().ChildRules(d =>
        {
            d.RuleFor(x => x.AssignmentId).NotEmpty();
            d.RuleFor(x => x.Decision).IsInEnum();
            d.RuleFor(x => x.Reason).MaximumLength(400);
        });
    }
}

public sealed class RecordConfirmations(ShiftOperations shifts) : Endpoint<RecordConfirmationsRequest, ConfirmationResult>
{
    public override void Configure()
    {
        Post("confirmations");
        Group<TenantGroup>();
        Roles(TenantRoles.VendorManager);
        Options(o => o.WithMetadata(new RequestSizeLimitAttribute(4 * 1024 * 1024)));
        Summary(s =>
        {
            s.Summary = "Confirms or declines assignments in bulk, all-or-nothing: [{ assignmentId, decision: confirm|decline, reason }].";
            s.Description = "Any wrong row changes nothing and every wrong row is named ([i].field). Declines need a reason and free the place. " +
                "A decision after the tenant's confirmation deadline is kept and marked late; repeating a decision changes nothing.";
        });
    }

    public override async Task HandleAsync(RecordConfirmationsRequest req, CancellationToken ct) =>
        await Send.OkAsync(await shifts.DecideAsync(req.Decisions, ct), ct);
}

public sealed class RecordAttendanceRequest
{
    [FromBody] public List<AttendanceInput> Records { get; set; } = [];
}

public sealed class RecordAttendanceValidator : Validator<RecordAttendanceRequest>
{
    public RecordAttendanceValidator()
    {
        RuleFor(x => x.Records).NotNull().Must(d => d.Count is >= 1 and <= ShiftOperations.MaxBatch).WithMessage("Send one to 10,000 attendance records.");
        RuleForEach(x => x.Records).NotNull().ChildRules(d => d.RuleFor(x => x.AssignmentId).NotEmpty());
    }
}

public sealed class RecordAttendance(ShiftOperations shifts) : Endpoint<RecordAttendanceRequest, AttendanceResult>
{
    public override void Configure()
    {
        Post("attendance");
        Group<TenantGroup>();
        Roles(TenantRoles.VendorManager);
        Options(o => o.WithMetadata(new RequestSizeLimitAttribute(4 * 1024 * 1024)));
        Summary(s => s.Summary = "Records who came, in bulk and all-or-nothing: [{ assignmentId, attended }] for confirmed agents of started shifts; feeds the no-show rate.");
    }

    public override async Task HandleAsync(RecordAttendanceRequest req, CancellationToken ct) =>
        await Send.OkAsync(await shifts.RecordAttendanceAsync(req.Records, ct), ct);
}
