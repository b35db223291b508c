using VendorPortal.Tests.Shifts;
using VendorPortal.Tests.Agents;

namespace VendorPortal.Tests.CapacityRequests;

[Collection(AppCollection.Name)]
public sealed class PlannerCapacityPageTests(AppFactory app)
{
    [Fact]
    public async Task The_fill_view_shows_the_gap_a_partial_answer_leaves_and_the_backfill_form_asks_another_vendor_for_it()
    {
        const int day = 46;
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: day);
        var request = await planner.RequestAsync(eventId, demo.ApexInDemo,
        [
            ShiftSetup.Plan(ShiftSetup.Local(day, 8), ShiftSetup.Local(day, 16), 10),
            ShiftSetup.Plan(ShiftSetup.Local(day, 16), ShiftSetup.Local(day + 1, 0), 6),
        ]);
        await apex.RespondAsync(request, "Evenings are short.", 10, 4);

        using var portal = await app.CookieClientFor(DemoData.Planner);
        var fill = await portal.GetStringAsync(Pages.Demo.Fill(eventId));
        Assert.Contains($"data-slot=\"{ShiftSetup.Local(day, 16):yyyy-MM-ddTHH:mm}\" data-gap=\"2\"", fill);
        Assert.Contains($"data-slot=\"{ShiftSetup.Local(day, 8):yyyy-MM-ddTHH:mm}\" data-gap=\"0\"", fill);
        Assert.Contains($"{Pages.Demo.NewRequest}?eventId={eventId}&amp;backfillFor={request.Id()}", fill);
        Assert.Contains(Pages.Demo.Request(request.Id()), fill);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(fill, "vp-backfill"));

        var form = await portal.GetStringAsync($"{Pages.Demo.NewRequest}?eventId={eventId}&backfillFor={request.Id()}");
        Assert.Contains("Backfill for Apex BPO&#x27;s request", form);
        Assert.Contains($"name=\"Input.BackfillForId\" value=\"{request.Id()}\"", form);
        Assert.Contains($"name=\"Input.Shifts[0].StartsAtLocal\" data-field=\"StartsAtLocal\" value=\"{ShiftSetup.Local(day, 16):yyyy-MM-ddTHH:mm}\"", form);
        Assert.Contains("name=\"Input.Shifts[0].Headcount\" data-field=\"Headcount\" value=\"2\"", form);
        Assert.DoesNotContain("Input.Shifts[1]", form);
        Assert.Contains(">Harbor Contact</option>", form);
        Assert.DoesNotContain(">Apex BPO</option>", form);

        var eventPage = await portal.GetStringAsync(Pages.Demo.Event(eventId));
        Assert.Contains($"href=\"{Pages.Demo.Request(request.Id())}\"", eventPage);
        Assert.Contains($"href=\"{Pages.Demo.Fill(eventId)}\"", eventPage);
        Assert.Contains($"href=\"{Pages.Demo.NewRequest}?eventId={eventId}\"", eventPage);
    }

    [Fact]
    public async Task An_event_without_requests_shows_the_empty_fill_view_and_only_planners_open_the_planner_pages()
    {
        using var planner = await app.ClientFor(DemoData.Planner);
        var eventId = await planner.NewEventAsync(daysAhead: 47);
        using var portal = await app.CookieClientFor(DemoData.Planner);
        var fill = await portal.GetStringAsync(Pages.Demo.Fill(eventId));
        Assert.Contains("id=\"fill-empty\"", fill);
        var form = await portal.GetStringAsync($"{Pages.Demo.NewRequest}?eventId={eventId}");
        Assert.Contains($"<option value=\"{eventId}\" selected=\"selected\"", form);

        foreach (var email in new[] { DemoData.Apex, DemoData.Finance })
        {
            using var other = await app.CookieClientFor(email);
            using var newRequest = await other.GetAsync($"{Pages.Demo.NewRequest}?eventId={eventId}");
            using var fillView = await other.GetAsync(Pages.Demo.Fill(eventId));
            Assert.NotEqual(HttpStatusCode.OK, newRequest.StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, fillView.StatusCode);
        }
    }
}
