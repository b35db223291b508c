using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Web.Features.Billing.Api;

public sealed class ListStatementsRequest : PageRequest
{
    [QueryParam] public Guid? VendorId { get; set; }
    [QueryParam] public StatementStatus? Status { get; set; }
    /// <summary>Statements whose period ends on or after this local date.</summary>
    [QueryParam] public DateOnly? From { get; set; }
    /// <summary>Statements whose period starts on or before this local date.</summary>
    [QueryParam] public DateOnly? To { get; set; }
}

public sealed class ListStatementsValidator : PageRequestValidator<ListStatementsRequest>;

public sealed class ListStatements(AppDbContext db) : Endpoint<ListStatementsRequest, Paged<StatementResponse>>
{
    public override void Configure()
    {
        Get("statements");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadBilling));
        Summary(s => s.Summary = "Lists statements, newest period first; vendor managers see their own vendor's only.");
    }

    public override async Task HandleAsync(ListStatementsRequest req, CancellationToken ct)
    {
        var query = db.Statements.AsQueryable();
        if (req.VendorId is { } vendorId) query = query.Where(s => s.VendorId == vendorId);
        if (req.Status is { } status) query = query.Where(s => s.Status == status);
        if (req.From is { } from) query = query.Where(s => s.PeriodEnd >= from);
        if (req.To is { } to) query = query.Where(s => s.PeriodStart <= to);
        query = query.OrderByDescending(s => s.PeriodStart).ThenBy(s => s.VendorName).ThenBy(s => s.Id);
        var total = await query.CountAsync(ct);
        var rows = await query.Skip((req.Page - 1) * req.PageSize).Take(req.PageSize)
            .Select(s => new { Statement = s, Lines = db.StatementLines.Count(l => l.StatementId == s.Id) })
            .AsNoTracking().ToListAsync(ct);
        var items = rows.Select(r => StatementOperations.Response(r.Statement, r.Lines)).ToList();
        await Send.OkAsync(new Paged<StatementResponse>(items, req.Page, req.PageSize, total), ct);
    }
}
