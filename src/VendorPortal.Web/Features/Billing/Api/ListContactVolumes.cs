
namespace VendorPortal.Web.Features.Billing.Api;

public sealed class ListContactVolumesRequest : PageRequest
{
    [QueryParam] public Guid? VendorId { get; set; }
    [QueryParam] public string? Skill { get; set; }
    [QueryParam] public DateOnly? From { get; set; }
    [QueryParam] public DateOnly? To { get; set; }
}

public sealed class ListContactVolumesValidator : PageRequestValidator<ListContactVolumesRequest>;

public sealed class ListContactVolumes(ContactVolumeList volumes) : Endpoint<ListContactVolumesRequest, Paged<ContactVolumeResponse>>
{
    public override void Configure()
    {
        Get("contact-volumes");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadBilling));
        Summary(s => s.Summary = "Lists contact volumes by date, skill and interval; filter by vendor, skill and local dates. Vendor managers see their own.");
    }

    public override async Task HandleAsync(ListContactVolumesRequest req, CancellationToken ct) =>
        await Send.OkAsync(await volumes.PageAsync(new ContactVolumeFilter(req.VendorId, req.Skill, req.From, req.To), req, ct), ct);
}
