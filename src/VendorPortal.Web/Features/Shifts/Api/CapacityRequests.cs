using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Web.Features.Shifts.Api;

public sealed class ListCapacityRequestsRequest : PageRequest
{
    [QueryParam] public Guid? EventId { get; set; }
    [QueryParam] public Guid? VendorId { get; set; }
    [QueryParam] public CapacityRequestStatus? Status { get; set; }
}

public sealed class ListCapacityRequestsValidator : PageRequestValidator<ListCapacityRequestsRequest>;

public sealed class ListCapacityRequests(AppDbContext db, ShiftReads reads) : Endpoint<ListCapacityRequestsRequest, Paged<CapacityRequestResponse>>
{
    public override void Configure()
    {
        Get("capacity-requests");
        Group<TenantGroup>();
        Roles(TenantRoles.Planner, TenantRoles.TenantAdmin, TenantRoles.VendorManager);
        Summary(s => s.Summary = "Capacity requests, the ones due soonest first; a vendor manager sees their vendor's inbox.");
    }

    public override async Task HandleAsync(ListCapacityRequestsRequest req, CancellationToken ct)
    {
        var query = db.CapacityRequests.AsQueryable();
        if (req.EventId is { } eventId) query = query.Where(r => r.EventId == eventId);
        if (req.VendorId is { } vendorId) query = query.Where(r => r.VendorId == vendorId);
        if (req.Status is { } status) query = query.Where(r => r.Status == status);
        query = query.OrderBy(r => r.Status == CapacityRequestStatus.Sent ? 0 : 1).ThenBy(r => r.RespondBy).ThenBy(r => r.Id);
        var total = await query.CountAsync(ct);
        var items = await reads.RequestsAsync(query.Skip((req.Page - 1) * req.PageSize).Take(req.PageSize), ct);
        await Send.OkAsync(new Paged<CapacityRequestResponse>(items, req.Page, req.PageSize, total), ct);
    }
}

public sealed class CreateCapacityRequest(CapacityRequestOperations requests, ShiftReads reads) : Endpoint<CapacityRequestInput, CapacityRequestResponse>
{
    public override void Configure()
    {
        Post("capacity-requests");
        Group<TenantGroup>();
        Roles(TenantRoles.Planner, TenantRoles.TenantAdmin);
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

public sealed class CapacityRequestRoute
{
    public Guid Id { get; set; }
}

public sealed class GetCapacityRequest(ShiftReads reads) : Endpoint<CapacityRequestRoute, CapacityRequestResponse>
{
    public override void Configure()
    {
        Get("capacity-requests/{id}");
        Group<TenantGroup>();
        Roles(TenantRoles.Planner, TenantRoles.TenantAdmin, TenantRoles.VendorManager);
    }

    public override async Task HandleAsync(CapacityRequestRoute req, CancellationToken ct) =>
        await Send.OkAsync(await reads.RequestAsync(req.Id, ct), ct);
}

public sealed class RespondToCapacityRequestRequest
{
    public Guid Id { get; set; }
    [FromBody] public CapacityResponseInput Response { get; set; } = new();
}

public sealed class RespondToCapacityRequestValidator : Validator<RespondToCapacityRequestRequest>
{
    public RespondToCapacityRequestValidator() => RuleFor(x => x.Response).NotNull().SetValidator(new CapacityResponseInputValidator());
}

public sealed class RespondToCapacityRequest(CapacityRequestOperations requests, ShiftReads reads)
    : Endpoint<RespondToCapacityRequestRequest, CapacityRequestResponse>
{
    public override void Configure()
    {
        Post("capacity-requests/{id}/response");
        Group<TenantGroup>();
        Roles(TenantRoles.VendorManager);
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

public sealed class CancelCapacityRequestRequest
{
    public Guid Id { get; set; }
    [FromBody] public CancelInput Cancel { get; set; } = new();
}

public sealed class CancelCapacityRequestValidator : Validator<CancelCapacityRequestRequest>
{
    public CancelCapacityRequestValidator() => RuleFor(x => x.Cancel).NotNull().SetValidator(new CancelInputValidator());
}

public sealed class CancelCapacityRequest(CapacityRequestOperations requests, ShiftReads reads) : Endpoint<CancelCapacityRequestRequest, CapacityRequestResponse>
{
    public override void Configure()
    {
        Post("capacity-requests/{id}/cancel");
        Group<TenantGroup>();
        Roles(TenantRoles.Planner, TenantRoles.TenantAdmin);
        Summary(s => s.Summary = "Withdraws a request with a reason; shifts committed under it that have not started are cancelled and their agents released. The vendor is told.");
    }

    public override async Task HandleAsync(CancelCapacityRequestRequest req, CancellationToken ct)
    {
        await requests.CancelAsync(req.Id, req.Cancel.Reason, ct);
        await Send.OkAsync(await reads.RequestAsync(req.Id, ct), ct);
    }
}

public sealed class EventFillRequest
{
    public Guid EventId { get; set; }
}

public sealed class GetEventFill(ShiftReads reads, Events.EventOperations events) : Endpoint<EventFillRequest, List<FillSlot>>
{
    public override void Configure()
    {
        Get("events/{eventId}/fill");
        Group<TenantGroup>();
        Roles(TenantRoles.Planner, TenantRoles.TenantAdmin);
        Summary(s => s.Summary = "The fill across vendors per skill and shift slot: needed, awaiting an answer, committed, confirmed, and the gap still to ask another vendor for.");
    }

    public override async Task HandleAsync(EventFillRequest req, CancellationToken ct)
    {
        await events.LoadAsync(req.EventId, ct);
        await Send.OkAsync(await reads.FillAsync(req.EventId, ct), ct);
    }
}
