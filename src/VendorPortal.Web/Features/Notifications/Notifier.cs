using Hangfire;
using Microsoft.Extensions.Options;
using VendorPortal.Web.Features.Alerts;
using VendorPortal.Web.Features.Billing;
using VendorPortal.Web.Features.CapacityRequests;
using VendorPortal.Web.Features.Shifts;
using VendorPortal.Web.Features.Training;

namespace VendorPortal.Web.Features.Notifications;

/// <summary>
/// Writes outbox e-mails in each recipient's language, and asks the sender job to deliver them. A message is either plain (a
/// subject and a paragraph) or a <see cref="MailContent"/> with facts and a button; both are laid out by <see cref="MailLayout"/>
/// with the recipient's preferences link and one-click unsubscribe. Recipients who opted out of a kind's category get nothing.
/// </summary>
public sealed class Notifier(AppDbContext db, IStringLocalizer<SharedResource> text, IBackgroundJobClient jobs, IOptions<MailOptions> mail, UnsubscribeLinks links)
{
    private readonly Dictionary<string, Recipient?> recipients = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Tells the managers of every vendor with agents enrolled that a session moved or was cancelled.</summary>
    public async Task TrainingChangedAsync(TrainingSession session, bool rescheduled, CancellationToken ct)
    {
        var vendorIds = await db.TrainingEnrollments.Where(e => e.SessionId == session.Id).Select(e => e.VendorId).Distinct().ToListAsync(ct);
        var zone = await db.TenantZoneAsync(ct);
        var starts = TenantTime.ToLocal(session.StartsAt, zone);
        var ends = TenantTime.ToLocal(session.EndsAt, zone);
        foreach (var vendorId in vendorIds)
            await ToVendorAsync(vendorId, rescheduled ? "training:rescheduled" : "training:cancelled", session.Id, () => rescheduled
                ? new MailContent(text["Training rescheduled: {0}", session.Title], text["Training rescheduled"],
                    text["The training \"{0}\" now runs {1:yyyy-MM-dd HH:mm} to {2:HH:mm} ({3}) at {4}. Your enrolled agents stay enrolled.", session.Title, starts, ends, zone.Id, session.Location ?? "-"])
                {
                    Facts = [new(text["Training"], session.Title), new(text["Starts"], $"{starts:yyyy-MM-dd HH:mm} ({zone.Id})"),
                        new(text["Ends"], $"{ends:yyyy-MM-dd HH:mm}"), new(text["Place"], session.Location ?? "-")],
                    Button = new(text["Open the training"], Page($"training/{session.Id}")),
                }
                : new MailContent(text["Training cancelled: {0}", session.Title], text["Training cancelled"],
                    text["The training \"{0}\" on {1:yyyy-MM-dd HH:mm} is cancelled: {2}", session.Title, starts, session.CancelReason ?? "-"])
                {
                    Facts = [new(text["Training"], session.Title), new(text["Starts"], $"{starts:yyyy-MM-dd HH:mm} ({zone.Id})"),
                        new(text["Reason"], session.CancelReason ?? "-")],
                    Button = new(text["Open the training"], Page($"training/{session.Id}")),
                }, ct);
    }

    /// <summary>Tells the vendor's managers that capacity is asked of them and by when.</summary>
    public async Task CapacityRequestedAsync(CapacityRequest request, string eventName, string skill, CancellationToken ct)
    {
        var zone = await db.TenantZoneAsync(ct);
        var agents = request.Shifts.Sum(s => s.Headcount);
        var respondBy = TenantTime.ToLocal(request.RespondBy, zone);
        await ToVendorAsync(request.VendorId, "capacity:requested", request.Id, () => new MailContent(
            text["Capacity requested: {0}", eventName], text["Capacity requested"],
            text["{0} asks for {1} {2} agents over {3} shifts for \"{4}\". Please answer by {5:yyyy-MM-dd HH:mm} ({6}).",
                request.CreatedBy, agents, skill, request.Shifts.Count, eventName, respondBy, zone.Id])
        {
            Facts = [new(text["Event"], eventName), new(text["Skill"], skill), new(text["Agents"], agents.ToString(CultureInfo.CurrentCulture)),
                new(text["Shifts"], request.Shifts.Count.ToString(CultureInfo.CurrentCulture)), new(text["Requested by"], request.CreatedBy),
                new(text["Answer by"], $"{respondBy:yyyy-MM-dd HH:mm} ({zone.Id})")],
            Button = new(text["Answer the request"], Page($"requests/{request.Id}")),
        }, ct);
    }

    /// <summary>Tells the planner who asked how the vendor answered.</summary>
    public async Task CapacityAnsweredAsync(CapacityRequest request, int committed, int asked, CancellationToken ct)
    {
        if (request.CreatedByUserId is not { } userId) return;
        var vendor = await db.Vendors.Where(v => v.Id == request.VendorId).Select(v => v.Name).SingleAsync(ct);
        var to = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.Language }).SingleOrDefaultAsync(ct);
        if (to?.Email is null) return;
        using var _ = new UiCulture(to.Language);
        Add(to.Email, "capacity:answered", request.Id, new MailContent(
            text["{0} answered your capacity request", vendor], text["Capacity request answered"],
            text["{0} committed {1} of the {2} agents asked for. {3}", vendor, committed, asked, request.ResponseMessage ?? ""].Value.TrimEnd())
        {
            Facts = [new(text["Vendor"], vendor), new(text["Committed"], committed.ToString(CultureInfo.CurrentCulture)),
                new(text["Asked for"], asked.ToString(CultureInfo.CurrentCulture)), new(text["Message"], request.ResponseMessage ?? "-")],
            Button = new(text["Open the request"], Page($"requests/{request.Id}")),
        });
    }

    public async Task CapacityRequestCancelledAsync(CapacityRequest request, int shiftsCancelled, CancellationToken ct) =>
        await ToVendorAsync(request.VendorId, "capacity:cancelled", request.Id, () => new MailContent(
            text["Capacity request withdrawn"], text["Capacity request withdrawn"],
            text["The capacity request from {0} is withdrawn ({1}). Shifts cancelled with it: {2}; their agents are free again.",
                request.CreatedBy, request.CancelReason ?? "-", shiftsCancelled])
        {
            Facts = [new(text["Requested by"], request.CreatedBy), new(text["Reason"], request.CancelReason ?? "-"),
                new(text["Shifts cancelled"], shiftsCancelled.ToString(CultureInfo.CurrentCulture))],
            Button = new(text["Open the request"], Page($"requests/{request.Id}")),
        }, ct);

    public async Task ShiftCancelledAsync(Shift shift, CancellationToken ct)
    {
        var zone = await db.TenantZoneAsync(ct);
        var starts = TenantTime.ToLocal(shift.StartsAt, zone);
        var ends = TenantTime.ToLocal(shift.EndsAt, zone);
        await ToVendorAsync(shift.VendorId, "shift:cancelled", shift.Id, () => new MailContent(
            text["Shift cancelled: {0:yyyy-MM-dd HH:mm}", starts], text["Shift cancelled"],
            text["The shift from {0:yyyy-MM-dd HH:mm} to {1:HH:mm} ({2}) is cancelled: {3}. Its agents are released.",
                starts, ends, zone.Id, shift.CancelReason ?? "-"])
        {
            Facts = [new(text["Starts"], $"{starts:yyyy-MM-dd HH:mm} ({zone.Id})"), new(text["Ends"], $"{ends:yyyy-MM-dd HH:mm}"),
                new(text["Reason"], shift.CancelReason ?? "-")],
            Button = new(text["Open the shift"], Page($"shifts/{shift.Id}")),
        }, ct);
    }

    /// <summary>
    /// Tells the people who can act on each new readiness alert: the vendor's managers (confirm, train or add agents) and the
    /// tenant's planners (ask another vendor for backup), each in their own language, with a button to the alerts page.
    /// One read of the recipients for the whole batch, however many alerts a scan raised.
    /// </summary>
    public async Task AlertsRaisedAsync(IReadOnlyList<(Alert Alert, AlertAbout About)> raised, CancellationToken ct)
    {
        var vendorIds = raised.Select(r => r.Alert.VendorId).Distinct().ToList();
        var recipients = await db.Memberships
            .Where(m => m.DisabledAt == null && ((m.VendorId != null && vendorIds.Contains(m.VendorId.Value)) || m.Role == TenantRole.Planner))
            .Select(m => new { m.VendorId, m.Role, m.User!.Email, m.User.Language })
            .ToListAsync(ct);
        foreach (var (alert, about) in raised)
        {
            var kind = "alert:" + alert.Kind;
            foreach (var r in recipients.Where(r => r.VendorId == alert.VendorId && r.Email is not null))
                using (new UiCulture(r.Language))
                    Add(r.Email!, kind, alert.Id, Write(alert, about, vendor: true));
            foreach (var p in recipients.Where(p => p.Role == TenantRole.Planner && p.Email is not null))
                using (new UiCulture(p.Language))
                    Add(p.Email!, kind, alert.Id, Write(alert, about, vendor: false));
        }

        MailContent Write(Alert alert, AlertAbout about, bool vendor)
        {
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
            List<MailFact> facts = [new(text["Alert"], text.Label(alert.Kind)), new(text["Vendor"], about.VendorName), new(text["Skill"], about.Skill)];
            if (about.EventName is { } eventName) facts.Add(new(text["Event"], eventName));
            if (about.StartsAt is { } shiftStarts) facts.Add(new(text["Shift starts"], $"{shiftStarts:yyyy-MM-dd HH:mm} ({about.Zone})"));
            facts.Add(new(text["Agents"], text.Summary(alert.Kind, alert.Actual, alert.Needed)));
            return new MailContent(text["Readiness alert: {0}, {1}", text.Label(alert.Kind), about.VendorName], text.Label(alert.Kind),
                text["{0}{1} for {2}.", lead, text.Summary(alert.Kind, alert.Actual, alert.Needed), place] + " " + action)
            {
                Facts = facts,
                Button = new(text["Open the alerts"], Page("alerts")),
            };
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
            List<string> lines = [.. drafts.Select(d => $"- {d.Vendor}: {d.Total}")];
            if (refused.Count > 0) lines.Add(text["Not drafted:"]);
            lines.AddRange(refused.Select(r => $"- {r.Vendor}: {r.Why.Text()}"));
            Add(f.Email!, DraftMonthlyStatements.Kind, subjectId, new MailContent(
                text["Statements for {0} drafted", month], text["Statements drafted"], text["Draft statements for {0} are ready for review:", month])
            {
                Facts = [new(text["Month"], month), new(text["Drafted"], drafts.Count.ToString(CultureInfo.CurrentCulture)),
                    new(text["Not drafted"], refused.Count.ToString(CultureInfo.CurrentCulture))],
                Lines = lines,
                Button = new(text["Review the statements"], Page("statements")),
            });
        }
    }

    /// <summary>Call after the change is saved: the job sends whatever the outbox holds for the tenant.</summary>
    public void Dispatch(Guid tenantId) => jobs.Enqueue<SendNotifications>(j => j.RunAsync(tenantId, CancellationToken.None));

    /// <summary>A portal page of the current tenant, as a link for an e-mail.</summary>
    private string Page(string path) => $"{mail.Value.PublicBaseUrl.TrimEnd('/')}/t/{db.Scope!.TenantSlug}/{path}";

    /// <summary>One e-mail per manager of the vendor, each written in the manager's language.</summary>
    private async Task ToVendorAsync(Guid vendorId, string kind, Guid subjectId, Func<MailContent> write, CancellationToken ct)
    {
        var recipients = await db.Memberships.Where(m => m.VendorId == vendorId && m.DisabledAt == null).Select(m => new { m.User!.Email, m.User.Language }).ToListAsync(ct);
        foreach (var r in recipients.Where(r => r.Email is not null))
        {
            using var _ = new UiCulture(r.Language);
            Add(r.Email!, kind, subjectId, write());
        }
    }

    /// <summary>A plain message (subject and paragraph) to every manager of the vendor.</summary>
    private Task ToVendorAsync(Guid vendorId, string kind, Guid subjectId, Func<(string Subject, string Body)> write, CancellationToken ct) =>
        ToVendorAsync(vendorId, kind, subjectId, () =>
        {
            var (subject, body) = write();
            return MailContent.Plain(subject, body);
        }, ct);

    private void Add(string email, string kind, Guid subjectId, string subject, string body) => Add(email, kind, subjectId, MailContent.Plain(subject, body));

    /// <summary>Tells each of the tenant's admins, in their own language, which urgent alerts sat unacknowledged for the escalation time.</summary>
    public async Task AlertsEscalatedAsync(IReadOnlyList<(Alert Alert, AlertAbout About)> escalated, int minutes, CancellationToken ct)
    {
        if (escalated.Count == 0) return;
        var admins = await db.Memberships.Where(m => m.Role == TenantRole.TenantAdmin && m.DisabledAt == null)
            .Select(m => new { m.User!.Email, m.User.Language }).ToListAsync(ct);
        foreach (var (alert, about) in escalated)
            foreach (var a in admins.Where(a => a.Email is not null))
            {
                using var _ = new UiCulture(a.Language);
                var place = text["the {0} shift of {1} on {2:yyyy-MM-dd HH:mm} ({3}) at {4}", about.Skill, about.EventName ?? "", about.StartsAt!, about.Zone, about.VendorName];
                Add(a.Email!, "alert:escalated", alert.Id, new MailContent(
                    text["Escalated alert: {0}, {1}", text.Label(alert.Kind), about.VendorName], text["Alert escalated"],
                    text["Nobody has acknowledged this alert in {0} minutes. {1} for {2}. Please make sure the vendor or a planner acts now.",
                        minutes, text.Summary(alert.Kind, alert.Actual, alert.Needed), place])
                {
                    Facts = [new(text["Alert"], text.Label(alert.Kind)), new(text["Vendor"], about.VendorName), new(text["Skill"], about.Skill),
                        new(text["Event"], about.EventName ?? ""), new(text["Shift starts"], $"{about.StartsAt:yyyy-MM-dd HH:mm} ({about.Zone})"),
                        new(text["Agents"], text.Summary(alert.Kind, alert.Actual, alert.Needed))],
                    Button = new(text["Open the alerts"], Page("alerts")),
                });
            }
    }

    /// <summary>Tells the vendor's managers, each in their language, that a shift moved and its confirmations are asked again.</summary>
    public async Task ShiftMovedAsync(Shift shift, DateTimeOffset oldStart, DateTimeOffset oldEnd, CancellationToken ct)
    {
        var zone = await db.TenantZoneAsync(ct);
        var (starts, ends) = (TenantTime.ToLocal(shift.StartsAt, zone), TenantTime.ToLocal(shift.EndsAt, zone));
        var (wasStarts, wasEnds) = (TenantTime.ToLocal(oldStart, zone), TenantTime.ToLocal(oldEnd, zone));
        await ToVendorAsync(shift.VendorId, "shift:moved", shift.Id, () => new MailContent(
            text["Shift moved: {0:yyyy-MM-dd HH:mm}", starts], text["Shift moved"],
            text["The shift from {0:yyyy-MM-dd HH:mm} to {1:HH:mm} now runs {2:yyyy-MM-dd HH:mm} to {3:HH:mm} ({4}). Its agents keep their places; please confirm them again for the new time.",
                wasStarts, wasEnds, starts, ends, zone.Id])
        {
            Facts = [new(text["Starts"], $"{starts:yyyy-MM-dd HH:mm} ({zone.Id})"), new(text["Ends"], $"{ends:yyyy-MM-dd HH:mm}"),
                new(text["Was"], $"{wasStarts:yyyy-MM-dd HH:mm} – {wasEnds:yyyy-MM-dd HH:mm}")],
            Button = new(text["Confirm the agents"], Page($"shifts/{shift.Id}")),
        }, ct);
    }

    /// <summary>
    /// Writes the e-mail in the current UI language (the caller switched to the recipient's), unless the recipient opted
    /// out of the kind's category. Someone without an account is told nothing: notifications are for portal users.
    /// </summary>
    private void Add(string email, string kind, Guid subjectId, MailContent content)
    {
        var category = NotificationCategories.Of(kind);
        if (Find(email) is not { } recipient || recipient.OptedOut.Contains(category)) return;
        var unsubscribe = links.For(recipient.UserId, category);
        var footer = new MailFooter(text["You receive this e-mail because {0} e-mails are on in your VendorPortal notification preferences.", text.Label(category)],
            [new(text["Notification preferences"], links.PreferencesPage), new(text["Unsubscribe from {0}", text.Label(category)], unsubscribe)]);
        db.Notifications.Add(new Notification
        {
            ToEmail = email, Subject = content.Subject, Body = MailLayout.Text(content, footer), HtmlBody = MailLayout.Html(content, footer),
            UnsubscribeUrl = unsubscribe, Kind = kind, SubjectId = subjectId,
        });
    }

    private sealed record Recipient(Guid UserId, IReadOnlyList<NotificationCategory> OptedOut);

    /// <summary>
    /// The account behind an address and what it opted out of, read once per address and notifier. Synchronous so that
    /// <see cref="Add(string, string, Guid, string, string)"/> stays the plain call every notification makes.
    /// </summary>
    private Recipient? Find(string email)
    {
        if (recipients.TryGetValue(email, out var known)) return known;
        var normalized = email.ToUpperInvariant();
        var user = db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized)
            .Select(u => new { u.Id, OptedOut = db.NotificationOptOuts.Where(o => o.UserId == u.Id).Select(o => o.Category).ToList() })
            .SingleOrDefault();
        return recipients[email] = user is null ? null : new Recipient(user.Id, user.OptedOut);
    }

    /// <summary>Tells the people who manage a webhook endpoint (its vendor's managers, or the tenant's admins and planners) that it was disabled and why.</summary>
    public async Task WebhookDisabledAsync(Webhooks.WebhookEndpoint endpoint, CancellationToken ct)
    {
        const string kind = "webhook:disabled";
        MailContent Write() => new(text["Webhook endpoint disabled: {0}", endpoint.Url], text["Webhook endpoint disabled"],
            text["Deliveries to {0} stopped: {1} Fix the receiver, then enable the endpoint again and replay what it missed.", endpoint.Url, endpoint.DisabledReason ?? "-"])
        {
            Facts = [new(text["Address"], endpoint.Url), new(text["Reason"], endpoint.DisabledReason ?? "-")],
            Button = new(text["Open the endpoint"], Page($"webhooks/{endpoint.Id}")),
        };
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
                await mailer.SendAsync(new MailMessage(n.ToEmail, n.Subject, n.Body, n.HtmlBody, n.UnsubscribeUrl), ct);
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
