
using VendorPortal.Web.Features.Shifts;

namespace VendorPortal.Web.Features.CapacityRequests.Api;

public sealed class CancelCapacityRequestRequest
{
    public Guid Id { get; set; }
    [FromBody] public CancelInput Cancel { get; set; } = new();
}

public sealed class CancelCapacityRequestValidator : Validator<CancelCapacityRequestRequest>
{
    public CancelCapacityRequestValidator() => RuleFor(x => x.Cancel).NotNull().SetValidator(new CancelInputValidator());
}

public sealed class CancelCapacityRequest(CapacityRequestOperations requests, CapacityRequestReads reads) : Endpoint<CancelCapacityRequestRequest, CapacityRequestResponse>
{
    public override void Configure()
    {
        Post("capacity-requests/{id}/cancel");
        Group<TenantGroup>();
        Policies(nameof(Permission.RequestCapacity));
        Summary(s => s.Summary = "Withdraws a request with a reason; shifts committed under it that have not started are cancelled and their agents released. The vendor is told.");
    }

    public override async Task HandleAsync(CancelCapacityRequestRequest req, CancellationToken ct)
    {
        await requests.CancelAsync(req.Id, req.Cancel.Reason, ct);
        await Send.OkAsync(await reads.RequestAsync(req.Id, ct), ct);
    }
}
