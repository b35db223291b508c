using RequestSizeLimitAttribute = Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute;

namespace VendorPortal.Web.Features.Shifts.Api;

public sealed class RecordConfirmations(ShiftOperations shifts) : Endpoint<RecordConfirmationsRequest, ConfirmationResult>
{
    public override void Configure()
    {
        Post("confirmations");
        Group<TenantGroup>();
        Policies(nameof(Permission.ConfirmAssignments));
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
