namespace VendorPortal.Web.Features.Billing;

/// <summary>
/// Contact volumes summed per vendor, skill and day in SQL (whole numbers only: SQLite cannot sum decimals), with the
/// quality figures counted only over rows that supplied them.
/// </summary>
public sealed record VolumeDay(
    Guid VendorId, Guid SkillId, DateOnly Date, long Handled, long Offered, long Answered,
    long HandledWithAht, long HandleSeconds, long HandledWithComplaints, long Complaints);

public sealed record QualityFigures(long? Offered, long? Answered, decimal? AnswerRate, decimal? AverageHandleSeconds, long? Complaints, decimal? ComplaintRate)
{
    public static QualityFigures Of(IEnumerable<VolumeDay> days)
    {
        var list = days as IReadOnlyCollection<VolumeDay> ?? [.. days];
        var offered = list.Sum(d => d.Offered);
        var answered = list.Sum(d => d.Answered);
        var ahtBase = list.Sum(d => d.HandledWithAht);
        var complaintBase = list.Sum(d => d.HandledWithComplaints);
        var complaints = list.Sum(d => d.Complaints);
        return new QualityFigures(
            offered > 0 ? offered : null,
            offered > 0 ? answered : null,
            offered > 0 ? Math.Round((decimal)answered / offered, 4, MidpointRounding.AwayFromZero) : null,
            ahtBase > 0 ? Math.Round((decimal)list.Sum(d => d.HandleSeconds) / ahtBase, 1, MidpointRounding.AwayFromZero) : null,
            complaintBase > 0 ? complaints : null,
            complaintBase > 0 ? Math.Round((decimal)complaints / complaintBase, 6, MidpointRounding.AwayFromZero) : null);
    }
}

public static class VolumeFigures
{
    public static Task<List<VolumeDay>> DaysAsync(AppDbContext db, Guid? vendorId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = db.ContactVolumes.Where(v => v.Date >= from && v.Date <= to);
        if (vendorId is { } id) rows = rows.Where(v => v.VendorId == id);
        return rows
            .GroupBy(v => new { v.VendorId, v.SkillId, v.Date })
            .Select(g => new VolumeDay(
                g.Key.VendorId, g.Key.SkillId, g.Key.Date,
                g.Sum(v => (long)v.Handled),
                g.Sum(v => v.Offered != null && v.Answered != null ? (long)v.Offered.Value : 0L),
                g.Sum(v => v.Offered != null && v.Answered != null ? (long)v.Answered.Value : 0L),
                g.Sum(v => v.AverageHandleSeconds != null ? (long)v.Handled : 0L),
                g.Sum(v => v.AverageHandleSeconds != null ? (long)v.AverageHandleSeconds.Value * v.Handled : 0L),
                g.Sum(v => v.Complaints != null ? (long)v.Handled : 0L),
                g.Sum(v => v.Complaints != null ? (long)v.Complaints.Value : 0L)))
            .ToListAsync(ct);
    }
}
