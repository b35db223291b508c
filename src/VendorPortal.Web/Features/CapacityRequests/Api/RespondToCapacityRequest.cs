
using VendorPortal.Web.Features.Shifts;

namespace VendorPortal.Web.Features.CapacityRequests.Api;

public sealed class RespondToCapacityRequestRequest
{
    public Guid Id { get; set; }
    [FromBody] public CapacityResponseInput Response { get; set; } = new();
}

public sealed class RespondToCapacityRequestValidator : Validator<RespondToCapacityRequestRequest>
{
    public RespondToCapacityRequestValidator() => RuleFor(x => x.Response).NotNull().SetValidator(new CapacityResponseInputValidator());
}

public sealed class RespondToCapacityRequest(CapacityRequestOperations requests, CapacityRequestReads reads)
    : Endpoint<RespondToCapacityRequestRequest, CapacityRequestResponse>
{
    public override void Configure()
    {
        Post("capacity-requests/{id}/response");
        Group<TenantGroup>();
        Policies(nameof(Permission.AnswerCapacityRequests));
        Summary(s =>
        {
            s.Summary = "The vendor's answer, once: agents committed per requested shift (all, part or 0; a shift left out is 0). Committed shifts become the vendor's shifts.";
            s.Description = "The answer is full, partial or declined (a decline needs a message); after the respond-by time it is kept and marked late. 409 when already answered or cancelled.";
        });
    }

    public override async Task HandleAsync(RespondToCapacityRequestRequest req, CancellationToken ct)
    {
        await requests.RespondAsync(req.Id, req.Response, ct);
        await Send.OkAsync(await reads.RequestAsync(req.Id, ct), ct);
    }
}
