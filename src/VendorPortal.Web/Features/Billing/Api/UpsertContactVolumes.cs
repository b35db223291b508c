
using Microsoft.AspNetCore.Mvc;
namespace VendorPortal.Web.Features.Billing.Api;

public sealed class UpsertContactVolumesRequest
{
    public List<ContactVolumeInput> Rows { get; set; } = [];
    /// <summary>Check the rows and report what would change, storing nothing.</summary>
    public bool DryRun { get; set; }
}

public sealed class UpsertContactVolumesValidator : Validator<UpsertContactVolumesRequest>
{
    public UpsertContactVolumesValidator()
    {
        RuleFor(x => x.Rows).NotNull().Must(r => r.Count is >= 1 and <= ContactVolumeOperations.MaxBatch)
            .WithMessage("Send one to 10,000 rows; split larger loads into batches.");
        RuleForEach(x => x.Rows).NotNull().SetValidator(new ContactVolumeInputValidator());
    }
}

public sealed class UpsertContactVolumes(ContactVolumeOperations volumes) : Endpoint<UpsertContactVolumesRequest, VolumeUpsertResult>
{
    public override void Configure()
    {
        Post("contact-volumes");
        Group<TenantGroup>();
        Policies(nameof(Permission.RecordContactVolumes));
        Options(o => o.WithMetadata(new RequestSizeLimitAttribute(8 * 1024 * 1024)));
        Summary(s =>
        {
            s.Summary = "Stores contact volumes as an idempotent batch upsert keyed on vendor, skill, date and interval, all-or-nothing.";
            s.Description = "A row whose key exists corrects it (audited); an identical row changes nothing. Vendor managers send their own vendor's " +
                "volumes only. Any bad row stores nothing and answers 422 naming every bad row (rows[i]).";
        });
    }

    public override async Task HandleAsync(UpsertContactVolumesRequest req, CancellationToken ct)
    {
        var result = await volumes.UpsertAsync([.. req.Rows.Select((r, i) => ($"rows[{i}]", r))], req.DryRun, ct);
        if (result.Errors.Count > 0) throw RowProblem.Refused(result.Errors);
        await Send.OkAsync(result, ct);
    }
}
