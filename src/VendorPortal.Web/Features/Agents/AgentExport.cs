namespace VendorPortal.Web.Features.Agents;

/// <summary>
/// The agents list as CSV, with the list's filters, streamed row by row (at most <see cref="CsvExport.MaxRows"/>). The columns
/// are the import's, plus the vendor and the times, so an exported file can be edited and imported again. Shared by the API and the portal.
/// </summary>
public sealed class AgentExport(AppDbContext db, AgentList list)
{
    public async Task SendAsync(HttpResponse response, AgentFilter filter, CancellationToken ct)
    {
        var query = await list.QueryAsync(filter, ct);
        CsvExport.EnsureWithinCap(await query.CountAsync(ct));
        var vendors = await db.Vendors.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        var codes = await Skills.SkillCodes.ByIdAsync(db, ct);
        var name = $"agents-{db.Scope!.TenantSlug}.csv";
        await CsvExport.SendAsync(response, name, async csv =>
        {
            csv.WriteHeader(["externalRef", "displayName", "vendor", "skills", "languages", "status", "maxWeeklyHours", "notes", "createdAt", "updatedAt"]);
            await foreach (var a in query.AsAsyncEnumerable().WithCancellation(ct))
            {
                csv.WriteField(a.ExternalRef);
                csv.WriteField(a.DisplayName);
                csv.WriteField(vendors.GetValueOrDefault(a.VendorId, ""));
                csv.WriteField(string.Join(';', Skills.SkillCodes.Codes(a.SkillIds, codes)));
                csv.WriteField(string.Join(';', a.Languages));
                csv.WriteField(a.Status.ToString().ToLowerInvariant());
                csv.WriteField(a.MaxWeeklyHours);
                csv.WriteField(a.Notes);
                csv.WriteField(a.CreatedAt);
                csv.WriteField(a.UpdatedAt);
                await csv.EndAsync(ct);
            }
        }, ct);
    }
}
