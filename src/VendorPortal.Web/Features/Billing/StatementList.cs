namespace VendorPortal.Web.Features.Billing;

/// <summary>The statements list's filters: vendor, status, and periods overlapping the local dates <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record StatementFilter(Guid? VendorId = null, StatementStatus? Status = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>The statements list, newest period first, read by the API and the portal; vendor managers see their own vendor's only.</summary>
public sealed class StatementList(AppDbContext db)
{
    public Task<Paged<StatementResponse>> PageAsync(StatementFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = db.Statements.AsNoTracking();
        if (filter.VendorId is { } vendorId) query = query.Where(s => s.VendorId == vendorId);
        if (filter.Status is { } status) query = query.Where(s => s.Status == status);
        if (filter.From is { } from) query = query.Where(s => s.PeriodEnd >= from);
        if (filter.To is { } to) query = query.Where(s => s.PeriodStart <= to);
        return query.OrderByDescending(s => s.PeriodStart).ThenBy(s => s.VendorName).ThenBy(s => s.Id)
            .Select(s => new { Statement = s, Lines = db.StatementLines.Count(l => l.StatementId == s.Id) })
            .ToPageAsync(page, async (rows, token) =>
                (await rows.ToListAsync(token)).Select(r => StatementOperations.Response(r.Statement, r.Lines)).ToList(), ct);
    }
}
