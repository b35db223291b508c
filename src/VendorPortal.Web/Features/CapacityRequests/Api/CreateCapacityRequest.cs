
using VendorPortal.Web.Features.Shifts;

namespace VendorPortal.Web.Features.CapacityRequests.Api;

public sealed class CreateCapacityRequest(CapacityRequestOperations requests, CapacityRequestReads reads) : Endpoint<CapacityRequestInput, CapacityRequestResponse>
{
    public override void Configure()
    {
        Post("capacity-requests");
        Group<TenantGroup>();
        Policies(nameof(Permission.RequestCapacity));
        Description(b => b.ClearDefaultProduces(200).Produces<CapacityRequestResponse>(201));
        Summary(s =>
        {
            s.Summary = "Asks a vendor for agents of one skill, shift by shift (tenant local times), with a respond-by time; the vendor's managers are e-mailed.";
            s.Description = "Every wrong shift is named (shifts[i]): a time the clocks skip, a day outside the event, the past, a duplicate. " +
                "Set backfillForId to ask another vendor to fill the gap a request left.";
        });
    }

    public override async Task HandleAsync(CapacityRequestInput req, CancellationToken ct)
    {
        var request = await requests.CreateAsync(req, ct);
        await Send.ResponseAsync(await reads.RequestAsync(request.Id, ct), StatusCodes.Status201Created, ct);
    }
}
