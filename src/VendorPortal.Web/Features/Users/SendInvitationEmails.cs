using Hangfire;
using Microsoft.Extensions.Options;
using VendorPortal.Web.Features.Notifications;

namespace VendorPortal.Web.Features.Users;

/// <summary>
/// Sends every open invitation of one tenant that has not been e-mailed yet. Each invitation is claimed
/// before sending, so running the job twice (or two at once) never e-mails anyone twice.
/// </summary>
public sealed class SendInvitationEmails(
    TenantJobScope tenantScope,
    AppDbContext db,
    InvitationOperations invitations,
    Mailer mailer,
    IOptions<MailOptions> mail,
    IStringLocalizer<SharedResource> text,
    TimeProvider clock)
{
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(Guid tenantId, CancellationToken ct)
    {
        if (!await tenantScope.EnterAsync(tenantId, "invitations", ct)) return;
        var now = clock.GetUtcNow();
        var tenantName = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Name).SingleAsync(ct);
        var pending = await db.Invitations.Where(i => i.EmailSentAt == null && i.AcceptedAt == null && i.ExpiresAt > now).ToListAsync(ct);
        foreach (var invitation in pending)
        {
            var claimed = await db.Invitations
                .Where(i => i.Id == invitation.Id && i.EmailSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.EmailSentAt, now), ct);
            if (claimed == 0) continue;
            try
            {
                await mailer.SendAsync(Compose(invitation, tenantName), ct);
            }
            catch
            {
                await db.Invitations.Where(i => i.Id == invitation.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.EmailSentAt, (DateTimeOffset?)null), CancellationToken.None);
                throw;
            }
        }
    }

    private MailMessage Compose(Invitation invitation, string tenantName)
    {
        using (new UiCulture(invitation.Language))
        {
            var link = $"{mail.Value.PublicBaseUrl.TrimEnd('/')}/invitations/accept?token={Uri.EscapeDataString(invitations.TokenFor(invitation))}";
            var role = text[invitation.Role.ToString()];
            var subject = text["You are invited to {0} on VendorPortal", tenantName];
            var body = text["You have been invited to join {0} as {1}. Open this link to accept (valid until {2:yyyy-MM-dd}):", tenantName, role, invitation.ExpiresAt];
            return MailLayout.Render(invitation.Email, new MailContent(subject, text["You are invited to VendorPortal"], body)
            {
                Facts = [new(text["Tenant"], tenantName), new(text["Role"], role), new(text["Valid until"], $"{invitation.ExpiresAt:yyyy-MM-dd}")],
                Button = new(text["Accept the invitation"], link),
            }, new MailFooter(text["You receive this e-mail because this address was invited to VendorPortal. If you did not expect it, ignore it."], []));
        }
    }
}

/// <summary>Recurring safety net: a lost or failed send job is picked up again, one job per tenant.</summary>
public sealed class DispatchInvitationEmails(AppDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string Id = "invitations:dispatch";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Platform code: finds which tenants have unsent invitations, then hands each to its own scoped job.
        var tenants = await db.Invitations.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Where(i => i.EmailSentAt == null && i.AcceptedAt == null && i.ExpiresAt > now)
            .Select(i => i.TenantId).Distinct().ToListAsync(ct);
        foreach (var tenantId in tenants)
            jobs.Enqueue<SendInvitationEmails>(j => j.RunAsync(tenantId, CancellationToken.None));
    }
}
