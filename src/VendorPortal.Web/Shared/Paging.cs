namespace VendorPortal.Web.Shared;

public abstract class PageRequest
{
    public const int MaxPageSize = 200;

    [QueryParam] public int Page { get; set; } = 1;
    [QueryParam] public int PageSize { get; set; } = 50;
}

public abstract class PageRequestValidator<T> : Validator<T> where T : PageRequest
{
    protected PageRequestValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class PagingExtensions
{
    public static async Task<Paged<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest request, CancellationToken ct)
    {
        var skip = (request.Page - 1) * request.PageSize;
        var items = await query.Skip(skip).Take(request.PageSize).ToListAsync(ct);
        // A short page (other than an empty one past the end) already tells the total without counting.
        var total = items.Count < request.PageSize && (items.Count > 0 || skip == 0)
            ? skip + items.Count
            : await query.CountAsync(ct);
        return new Paged<T>(items, request.Page, request.PageSize, total);
    }
}
