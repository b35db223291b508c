using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Web.Features.Audit.Api;

public sealed class ListAuditRequest : PageRequest
{
    [QueryParam] public string? EntityType { get; set; }
    [QueryParam] public Guid? EntityId { get; set; }
}

public sealed class ListAuditValidator : PageRequestValidator<ListAuditRequest>;

public sealed record AuditEntryResponse(
    Guid Id, DateTimeOffset At, string Actor, Guid? ActorUserId, Guid? ActorApiKeyId,
    string Action, string EntityType, Guid EntityId, System.Text.Json.JsonElement Changes);

public sealed class ListAudit(AppDbContext db) : Endpoint<ListAuditRequest, Paged<AuditEntryResponse>>
{
    public override void Configure()
    {
        Get("audit");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadAudit));
        Summary(s => s.Summary = "The audit trail: who changed what, when, with the changed values; newest first.");
    }

    public override async Task HandleAsync(ListAuditRequest req, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(req.EntityType)) query = query.Where(a => a.EntityType == req.EntityType);
        if (req.EntityId is { } id) query = query.Where(a => a.EntityId == id);
        var page = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToPageAsync(req, ct);
        await Send.OkAsync(new Paged<AuditEntryResponse>(
            [.. page.Items.Select(a => new AuditEntryResponse(a.Id, a.At, a.ActorName, a.ActorUserId, a.ActorApiKeyId,
                a.Action, a.EntityType, a.EntityId, System.Text.Json.JsonDocument.Parse(a.Changes).RootElement))],
            page.Page, page.PageSize, page.Total), ct);
    }
}
