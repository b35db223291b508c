
namespace VendorPortal.Web.Features.Agents.Api;

public sealed class ExportAgentsRequest
{
    [QueryParam] public Guid? VendorId { get; set; }
    [QueryParam] public AgentStatus? Status { get; set; }
    [QueryParam] public string? Skill { get; set; }
    [QueryParam] public string? Search { get; set; }
}

public sealed class ExportAgents(AgentExport export) : Endpoint<ExportAgentsRequest>
{
    public override void Configure()
    {
        Get("agents/export");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadAgents));
        Description(b => b.ClearDefaultProduces(200).Produces(200, typeof(string), "text/csv"));
        Summary(s =>
        {
            s.Summary = "The agents list as CSV, with the list's filters; vendor users get only their own vendor's agents.";
            s.Description = $"UTF-8 with BOM; text that a spreadsheet would run as a formula starts with '. At most {CsvExport.MaxRows:N0} rows: a larger export answers 422.";
        });
    }

    public override Task HandleAsync(ExportAgentsRequest req, CancellationToken ct) =>
        export.SendAsync(HttpContext.Response, new AgentFilter(req.VendorId, req.Status, req.Skill, req.Search), ct);
}
