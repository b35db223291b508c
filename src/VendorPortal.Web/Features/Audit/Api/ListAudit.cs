
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

public sealed class ListAudit(AuditList audit) : Endpoint<ListAuditRequest, Paged<AuditEntryResponse>>
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
        var page = await audit.PageAsync(new AuditFilter(EntityType: req.EntityType, EntityId: req.EntityId), req, ct);
        await Send.OkAsync(page.Select(a => new AuditEntryResponse(a.Id, a.At, a.ActorName, a.ActorUserId, a.ActorApiKeyId,
            a.Action, a.EntityType, a.EntityId, System.Text.Json.JsonDocument.Parse(a.Changes).RootElement)), ct);
    }
}
