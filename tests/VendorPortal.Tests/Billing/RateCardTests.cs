using static VendorPortal.Tests.Billing.BillingSetup;

namespace VendorPortal.Tests.Billing;

[Collection(AppCollection.Name)]
public sealed class RateCardTests(AppFactory app)
{
    [Fact]
    public async Task Overlapping_cards_for_the_same_vendor_and_skill_are_refused_and_adjacent_ones_allowed()
    {
        var vendor = await app.NewVendorAsync();
        using var finance = await app.ClientFor(DemoData.Finance);
        await finance.CardAsync(vendor, "PRESALES", "2026-01-01", "2026-01-31", [Tier(null, 2.5m)]);

        using var overlap = await finance.PostCardAsync(vendor, "presales", "2026-01-31", null, [Tier(null, 2m)]);
        var problem = await overlap.ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Contains("2026-01-01 to 2026-01-31", (string)problem["detail"]!);

        var next = await finance.CardAsync(vendor, "PRESALES", "2026-02-01", null, [Tier(null, 2m)]);
        // Another skill and the all-skills card are separate series.
        await finance.CardAsync(vendor, "HOTLINE", "2026-01-15", null, [Tier(null, 4m)]);
        await finance.CardAsync(vendor, null, "2026-01-01", null, [Tier(null, 3m)]);
        using var overlapAll = await finance.PostCardAsync(vendor, null, "2025-06-01", "2026-01-01", [Tier(null, 3m)]);
        await overlapAll.ShouldBeProblem(HttpStatusCode.Conflict);

        // Moving a card onto its neighbour is refused too; ending it earlier is fine.
        using var moved = await finance.SendAsync(ApiRoutes.Demo.RateCards.Update(next),
            new { vendorId = vendor, skill = "PRESALES", effectiveFrom = "2026-01-20", tiers = new[] { Tier(null, 2m) } });
        await moved.ShouldBeProblem(HttpStatusCode.Conflict);
        using var ended = await finance.SendAsync(ApiRoutes.Demo.RateCards.Update(next),
            new { vendorId = vendor, skill = "PRESALES", effectiveFrom = "2026-02-01", effectiveTo = "2026-03-31", tiers = new[] { Tier(null, 2m) } });
        await ended.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("2026-03-31", (string?)(await ended.ReadObjectAsync())["effectiveTo"]);
    }

    [Fact]
    public async Task Prices_have_at_most_four_decimals_and_tiers_must_rise()
    {
        var vendor = await app.NewVendorAsync();
        using var finance = await app.ClientFor(DemoData.Finance);
        using var fine = await finance.PostCardAsync(vendor, "PRESALES", "2026-01-01", null, [Tier(10_000, 2.1234m), Tier(null, 1.9999m)], 5000m);
        await fine.ShouldBe(HttpStatusCode.Created);
        var card = await fine.ReadObjectAsync();
        Assert.Equal("CNY", (string?)card["currency"]);
        Assert.Equal(2.1234m, (decimal)card["tiers"]![0]!["unitPrice"]!);

        using var tooPrecise = await finance.PostCardAsync(vendor, "HOTLINE", "2026-01-01", null, [Tier(null, 2.12345m)]);
        await tooPrecise.ShouldBeProblem(HttpStatusCode.BadRequest);
        using var falling = await finance.PostCardAsync(vendor, "HOTLINE", "2026-01-01", null, [Tier(10_000, 2m), Tier(5_000, 1m), Tier(null, 1m)]);
        await falling.ShouldBeProblem(HttpStatusCode.BadRequest);
        using var openMiddle = await finance.PostCardAsync(vendor, "HOTLINE", "2026-01-01", null, [Tier(null, 2m), Tier(null, 1m)]);
        await openMiddle.ShouldBeProblem(HttpStatusCode.BadRequest);
        using var fen = await finance.PostCardAsync(vendor, "HOTLINE", "2026-01-01", null, [Tier(null, 2m)], 100.005m);
        await fen.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Vendor_managers_read_only_their_own_cards_and_cannot_write_them()
    {
        var demo = await app.Demo;
        using var harbor = await app.ClientFor(DemoData.Harbor);
        var page = await harbor.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.RateCards.List.Query("pageSize=200"), Json.Options);
        Assert.NotEmpty(page!["items"]!.AsArray());
        Assert.All(page["items"]!.AsArray(), c => Assert.Equal(demo.HarborInDemo.ToString(), (string?)c!["vendorId"]));
        using var write = await harbor.PostCardAsync(demo.HarborInDemo, "PRESALES", "2030-01-01", null, [Tier(null, 9m)]);
        await write.ShouldBeProblem(HttpStatusCode.Forbidden);
    }
}
