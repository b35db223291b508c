using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorPortal.Web.Data;
using VendorPortal.Web.Features.Events;
using VendorPortal.Web.Features.CapacityRequests;
using VendorPortal.Web.Features.Shifts;
using VendorPortal.Web.Shared;

namespace VendorPortal.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed partial class CapacityRequestTests(PortalApp app)
{
    [Fact]
    public async Task Planner_asks_a_vendor_for_two_shifts_from_the_event_page_and_a_wrong_row_is_named_where_it_is()
    {
        var (eventId, day) = await NewEventAsync($"Year-end clearance {Guid.NewGuid().ToString("N")[..5]}", daysAhead: 20);
        var page = await app.SignInAsync("planner@demo.test");
        await page.GotoAsync(Pages.Demo.Event(eventId));
        await page.ClickAsync("#request-capacity");
        await page.WaitForSelectorAsync("#request-form");
        Assert.Equal(eventId.ToString(), await page.InputValueAsync("#Input_EventId"));

        await page.SelectOptionAsync("#Input_Skill", "PRESALES");
        await page.SelectOptionAsync("#Input_VendorId", new Microsoft.Playwright.SelectOptionValue { Label = "Apex BPO" });
        await page.FillAsync("#Input_Message", "Evening peak of the clearance sale.");
        var rows = page.Locator("#shift-rows tr");
        await rows.Nth(0).Locator(".vp-start").FillAsync(Local(day.AddHours(8)));
        await rows.Nth(0).Locator(".vp-end").FillAsync(Local(day.AddHours(16)));
        await rows.Nth(0).Locator(".vp-headcount").FillAsync("8");
        await page.ClickAsync("#add-shift");
        Assert.Equal(2, await rows.CountAsync());
        // The new row continues where the first one ends, with its length and headcount.
        Assert.Equal(Local(day.AddHours(16)), await rows.Nth(1).Locator(".vp-start").InputValueAsync());
        Assert.Equal(Local(day.AddHours(24)), await rows.Nth(1).Locator(".vp-end").InputValueAsync());
        Assert.Equal("Input.Shifts[1].Headcount", await rows.Nth(1).Locator(".vp-headcount").GetAttributeAsync("name"));
        await rows.Nth(1).Locator(".vp-headcount").FillAsync("5");
        await rows.Nth(1).Locator(".vp-end").FillAsync(Local(day.AddHours(15)));

        await page.ClickAsync("#send-request");
        await page.WaitForSelectorAsync("#shift-rows tr[data-row='1'] .field-validation-error");
        Assert.Contains("must end after it starts", await page.InnerTextAsync("#shift-rows tr[data-row='1']"));
        Assert.Equal(0, await page.Locator("#shift-rows tr[data-row='0'] .field-validation-error").CountAsync());

        await page.Locator("#shift-rows tr").Nth(1).Locator(".vp-end").FillAsync(Local(day.AddHours(22)));
        await page.ClickAsync("#send-request");
        await page.WaitForPageAsync(RequestPage());
        var requestId = Guid.Parse(RequestPage().Match(page.Url).Groups[1].Value);

        var request = await RequestAsync(requestId);
        Assert.Equal(eventId, request.EventId);
        Assert.Equal("Apex BPO", request.VendorName);
        Assert.Equal("PRESALES", request.Skill);
        Assert.Equal([(day.AddHours(8), day.AddHours(16), 8), (day.AddHours(16), day.AddHours(22), 5)],
            request.Shifts.Select(s => (s.StartsAt.DateTime, s.EndsAt.DateTime, s.Headcount)).ToArray());

        await page.GotoAsync(Pages.Demo.Fill(eventId));
        Assert.Equal(2, await page.Locator("tr[data-slot]").CountAsync());
        Assert.Equal(2, await page.Locator("tr[data-slot] [data-status='Sent']").CountAsync());
    }

    private static string Local(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/t/demo/requests/([0-9a-f-]{36})$")]
    private static partial Regex RequestPage();

    private async Task<(Guid Id, DateTime FirstDay)> NewEventAsync(string name, int daysAhead)
    {
        await using var scope = await DemoScopeAsync();
        var events = scope.ServiceProvider.GetRequiredService<EventOperations>();
        var today = DateOnly.FromDateTime(TenantTime.ToLocal(app.Now, await scope.ServiceProvider.GetRequiredService<AppDbContext>().TenantZoneAsync(default)).DateTime);
        var e = await events.CreateAsync(new EventInput { Name = name, StartDate = today.AddDays(daysAhead), EndDate = today.AddDays(daysAhead + 1) }, default);
        return (e.Id, e.StartDate.ToDateTime(TimeOnly.MinValue));
    }

    private async Task<CapacityRequestResponse> RequestAsync(Guid id)
    {
        await using var scope = await DemoScopeAsync();
        return await scope.ServiceProvider.GetRequiredService<CapacityRequestReads>().RequestAsync(id, default);
    }

    private async Task<AsyncServiceScope> DemoScopeAsync()
    {
        var scope = app.Services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tenants.SingleAsync(t => t.Slug == "demo");
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Set(AccessScope.System(tenant.Id, tenant.Slug, "browser-test"));
        return scope;
    }
}
