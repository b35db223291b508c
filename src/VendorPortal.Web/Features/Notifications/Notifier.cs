using System.Text;
using Hangfire;
using Microsoft.Extensions.Options;
using VendorPortal.Web.Features.Alerts;
using VendorPortal.Web.Features.Billing;
using VendorPortal.Web.Features.CapacityRequests;
using VendorPortal.Web.Features.Shifts;
using VendorPortal.Web.Features.Training;

namespace VendorPortal.Web.Features.Notifications;

/// <summary>Writes outbox e-mails in each recipient's language, and asks the sender job to deliver them.</summary>
public sealed class Notifier(AppDbContext db, IStringLocalizer<SharedResource> text, IBackgroundJobClient jobs, IOptions<MailOptions> mail)
{
    /// <summary>Tells the managers of every vendor with agents enrolled that a session moved or was cancelled.</summary>
    public async Task TrainingChangedAsync(TrainingSession session, bool rescheduled, CancellationToken ct)
    {
        var vendorIds = await db.TrainingEnrollments.Where(e => e.SessionId == session.Id).Select(e => e.VendorId).Distinct().ToListAsync(ct);
        var zone = await db.TenantZoneAsync(ct);
        var starts = TenantTime.ToLocal(session.StartsAt, zone);
        var ends = TenantTime.ToLocal(session.EndsAt, zone);
        foreach (var vendorId in vendorIds)
            await ToVendorAsync(vendorId, rescheduled ? "training:rescheduled" : "training:cancelled", session.Id, () => rescheduled
                ? (text["Training rescheduled: {0}", session.Title],
                    text["The training \"{0}\" now runs {1:yyyy-MM-dd HH:mm} to {2:HH:mm} ({3}) at {4}. Your enrolled agents stay enrolled.", session.Title, starts, ends, zone.Id, session.Location ?? "-"])
                : (text["Training cancelled: {0}", session.Title],
                    text["The training \"{0}\" on {1:yyyy-MM-dd HH:mm} is cancelled: {2}", session.Title, starts, session.CancelReason ?? "-"]), ct);
    }

    /// <summary>Tells the vendor's managers that capacity is asked of them and by when.</summary>
    public async Task CapacityRequestedAsync(CapacityRequest request, string eventName, string skill, CancellationToken ct)
    {
        var zone = await db.TenantZoneAsync(ct);
        var agents = request.Shifts.Sum(s => s.Headcount);
        await ToVendorAsync(request.VendorId, "capacity:requested", request.Id, () => (
            text["Capacity requested: {0}", eventName],
            text["{0} asks for {1} {2} agents over {3} shifts for \"{4}\". Please answer by {5:yyyy-MM-dd HH:mm} ({6}).",
                request.CreatedBy, agents, skill, request.Shifts.Count, eventName, TenantTime.ToLocal(request.RespondBy, zone), zone.Id]), ct);
    }

    /// <summary>Tells the planner who asked how the vendor answered.</summary>
    public async Task CapacityAnsweredAsync(CapacityRequest request, int committed, int asked, CancellationToken ct)
    {
        if (request.CreatedByUserId is not { } userId) return;
        var vendor = await db.Vendors.Where(v => v.Id == request.VendorId).Select(v => v.Name).SingleAsync(ct);
        var to = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.Language }).SingleOrDefaultAsync(ct);
        if (to?.Email is null) return;
        using var _ = new UiCulture(to.Language);
        Add(to.Email, "capacity:answered", request.Id,
            text["{0} answered your capacity request", vendor],
            text["{0} committed {1} of the {2} agents asked for. {3}", vendor, committed, asked, request.ResponseMessage ?? ""]);
    }

    public async Task CapacityRequestCancelledAsync(CapacityRequest request, int shiftsCancelled, CancellationToken ct) =>
        await ToVendorAsync(request.VendorId, "capacity:cancelled", request.Id, () => (
            text["Capacity request withdrawn"],
            text["The capacity request from {0} is withdrawn ({1}). Shifts cancelled with it: {2}; their agents are free again.",
                request.CreatedBy, request.CancelReason ?? "-", shiftsCancelled]), ct);

    public async Task ShiftCancelledAsync(Shift shift, CancellationToken ct)
    {
        var zone = await db.TenantZoneAsync(ct);
        await ToVendorAsync(shift.VendorId, "shift:cancelled", shift.Id, () => (
            text["Shift cancelled: {0:yyyy-MM-dd HH:mm}", TenantTime.ToLocal(shift.StartsAt, zone)],
            text["The shift from {0:yyyy-MM-dd HH:mm} to {1:HH:mm} ({2}) is cancelled: {3}. Its agents are released.",
                TenantTime.ToLocal(shift.StartsAt, zone), TenantTime.ToLocal(shift.EndsAt, zone), zone.Id, shift.CancelReason ?? "-"]), ct);
    }

    /// <summary>
    /// Tells the people who can act on each new readiness alert: the vendor's managers (confirm, train or add agents) and the
    /// tenant's planners (ask another vendor for backup), each in their own language, with a link to the alerts page.
    /// One read of the recipients for the whole batch, however many alerts a scan raised.
    /// </summary>
    public async Task AlertsRaisedAsync(IReadOnlyList<(Alert Alert, AlertAbout About)> raised, CancellationToken ct)
    {
        var link = $"{mail.Value.PublicBaseUrl.TrimEnd('/')}/t/{db.Scope!.TenantSlug}/alerts";
        var vendorIds = raised.Select(r => r.Alert.VendorId).Distinct().ToList();
        var recipients = await db.Memberships
            .Where(m => m.DisabledAt == null && ((m.VendorId != null && vendorIds.Contains(m.VendorId.Value)) || m.Role == TenantRole.Planner))
            .Select(m => new { m.VendorId, m.Role, m.User!.Email, m.User.Language })
            .ToListAsync(ct);
        foreach (var (alert, about) in raised)
        {
            var kind = "alert:" + alert.Kind;
            foreach (var r in recipients.Where(r => r.VendorId == alert.VendorId && r.Email is not null))
                Add(r.Email!, kind, alert.Id, Write(alert, about, vendor: true, r.Language));
            foreach (var p in recipients.Where(p => p.Role == TenantRole.Planner && p.Email is not null))
                Add(p.Email!, kind, alert.Id, Write(alert, about, vendor: false, p.Language));
        }

        (string Subject, string Body) Write(Alert alert, AlertAbout about, bool vendor, string language)
        {
            using var _ = new UiCulture(language);
            var place = about.StartsAt is { } starts
                ? text["the {0} shift of {1} on {2:yyyy-MM-dd HH:mm} ({3}) at {4}", about.Skill, about.EventName ?? "", starts, about.Zone, about.VendorName]
                : text["the {0} reserve pool of {1}", about.Skill, about.VendorName];
            var action = !vendor
                ? (alert.Kind == AlertKind.PoolShallow
                    ? text["If the vendor cannot close the gap in time, plan backup with another vendor."]
                    : text["If the vendor cannot close the gap in time, ask another vendor for backup."])
                : alert.Kind switch
                {
                    AlertKind.TrainingShort => text["Please get the confirmed agents trained before the shift, or confirm trained ones."],
                    AlertKind.PoolShallow => text["Please add or train reserve agents for this skill."],
                    _ => text["Please assign and confirm more agents."],
                };
            var lead = alert.LeadHours is { } hours ? text["{0} h before the shift", hours] + ": " : "";
            return (text["Readiness alert: {0}, {1}", text.Label(alert.Kind), about.VendorName],
                text["{0}{1} for {2}. {3} Alerts: {4}", lead, text.Summary(alert.Kind, alert.Actual, alert.Needed), place, action, link]);
        }
    }

    /// <summary>Tells finance, each in their own language, which of the month's statements are drafted and why the others are not.</summary>
    public async Task StatementsDraftedAsync(Guid subjectId, string month, IReadOnlyList<(string Vendor, string Total)> drafts,
        IReadOnlyList<(string Vendor, RuleError Why)> refused, CancellationToken ct)
    {
        var finance = await db.Memberships.Where(m => m.Role == TenantRole.Finance && m.DisabledAt == null).Select(m => new { m.User!.Email, m.User.Language }).ToListAsync(ct);
        foreach (var f in finance.Where(f => f.Email is not null))
        {
            using var _ = new UiCulture(f.Language);
            var body = new StringBuilder().Append(text["Draft statements for {0} are ready for review:", month]).Append('\n');
            foreach (var (vendor, total) in drafts) body.Append("- ").Append(vendor).Append(": ").Append(total).Append('\n');
            if (refused.Count > 0) body.Append(text["Not drafted:"]).Append('\n');
            foreach (var (vendor, why) in refused) body.Append("- ").Append(vendor).Append(": ").Append(why.Text()).Append('\n');
            Add(f.Email!, DraftMonthlyStatements.Kind, subjectId, text["Statements for {0} drafted", month], body.ToString());
        }
    }

    /// <summary>Call after the change is saved: the job sends whatever the outbox holds for the tenant.</summary>
    public void Dispatch(Guid tenantId) => jobs.Enqueue<SendNotifications>(j => j.RunAsync(tenantId, CancellationToken.None));

    /// <summary>One e-mail per manager of the vendor, each written in the manager's language.</summary>
    private async Task ToVendorAsync(Guid vendorId, string kind, Guid subjectId, Func<(string Subject, string Body)> write, CancellationToken ct)
    {
        var recipients = await db.Memberships.Where(m => m.VendorId == vendorId && m.DisabledAt == null).Select(m => new { m.User!.Email, m.User.Language }).ToListAsync(ct);
        foreach (var r in recipients.Where(r => r.Email is not null))
        {
            using var _ = new UiCulture(r.Language);
            var (subject, body) = write();
            Add(r.Email!, kind, subjectId, subject, body);
        }
    }

    private void Add(string email, string kind, Guid subjectId, (string Subject, string Body) text) => Add(email, kind, subjectId, text.Subject, text.Body);

    private void Add(string email, string kind, Guid subjectId, string subject, string body) =>
        db.Notifications.Add(new Notification { ToEmail = email, Subject = subject, Body = body, Kind = kind, SubjectId = subjectId });

    /// <summary>Tells the people who manage a webhook endpoint (its vendor's managers, or the tenant's admins and planners) that it was disabled and why.</summary>
    public async Task WebhookDisabledAsync(Webhooks.WebhookEndpoint endpoint, CancellationToken ct)
    {
        const string kind = "webhook:disabled";
        var link = $"{mail.Value.PublicBaseUrl.TrimEnd('/')}/t/{db.Scope!.TenantSlug}/webhooks/{endpoint.Id}";
        (string, string) Write() => (text["Webhook endpoint disabled: {0}", endpoint.Url],
            text["Deliveries to {0} stopped: {1} Fix the receiver, then enable the endpoint again and replay what it missed: {2}",
                endpoint.Url, endpoint.DisabledReason ?? "-", link]);
        if (endpoint.VendorId is { } vendorId)
        {
            await ToVendorAsync(vendorId, kind, endpoint.Id, Write, ct);
            return;
        }
        var managers = await db.Memberships.Where(m => m.DisabledAt == null && (m.Role == TenantRole.TenantAdmin || m.Role == TenantRole.Planner))
            .Select(m => new { m.User!.Email, m.User.Language }).ToListAsync(ct);
        foreach (var m in managers.Where(m => m.Email is not null))
        {
            using var _ = new UiCulture(m.Language);
            Add(m.Email!, kind, endpoint.Id, Write());
        }
    }
}

/// <summary>Sends a tenant's unsent outbox e-mails, claiming each first so a second run never sends it again.</summary>
public sealed class SendNotifications(TenantJobScope tenantScope, AppDbContext db, Mailer mailer, TimeProvider clock)
{
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(Guid tenantId, CancellationToken ct)
    {
        if (!await tenantScope.EnterAsync(tenantId, "notifications", ct)) return;
        var pending = await db.Notifications.AsNoTracking().Where(n => n.SentAt == null).OrderBy(n => n.CreatedAt).ToListAsync(ct);
        foreach (var n in pending)
        {
            var now = clock.GetUtcNow();
            var claimed = await db.Notifications.Where(x => x.Id == n.Id && x.SentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.SentAt, now), ct);
            if (claimed == 0) continue;
            try
            {
                await mailer.SendAsync(new MailMessage(n.ToEmail, n.Subject, n.Body, $"<p>{System.Net.WebUtility.HtmlEncode(n.Body)}</p>"), ct);
            }
            catch
            {
                await db.Notifications.Where(x => x.Id == n.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.SentAt, (DateTimeOffset?)null), CancellationToken.None);
                throw;
            }
        }
    }
}

/// <summary>Recurring safety net: one send job per tenant that has unsent e-mails.</summary>
public sealed class DispatchNotifications(AppDbContext db, IBackgroundJobClient jobs)
{
    public const string Id = "notifications:dispatch";

    public async Task RunAsync(CancellationToken ct)
    {
        // Platform code: finds the tenants with work, then each job runs inside its own tenant scope.
        var tenants = await db.Notifications.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Where(n => n.SentAt == null).Select(n => n.TenantId).Distinct().ToListAsync(ct);
        foreach (var tenantId in tenants)
            jobs.Enqueue<SendNotifications>(j => j.RunAsync(tenantId, CancellationToken.None));
    }
}
