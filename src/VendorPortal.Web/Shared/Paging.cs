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

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    /// <summary>The same page with each row mapped, e.g. a list's row to an endpoint's response.</summary>
    public Paged<TOut> Select<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Page, PageSize, Total);
}

public static class PagingExtensions
{
    /// <summary>A list's order that its filter may turn round (e.g. newest first for a history).</summary>
    public static IOrderedQueryable<T> OrderBy<T, TKey>(this IQueryable<T> query, System.Linq.Expressions.Expression<Func<T, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    public static IOrderedQueryable<T> ThenBy<T, TKey>(this IOrderedQueryable<T> query, System.Linq.Expressions.Expression<Func<T, TKey>> key, bool descending) =>
        descending ? query.ThenByDescending(key) : query.ThenBy(key);

    public static Task<Paged<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest request, CancellationToken ct) =>
        query.ToPageAsync(request, (page, token) => page.ToListAsync(token), ct);

    /// <summary>The page of <paramref name="query"/>, read into rows by <paramref name="read"/> (for rows finished in memory, e.g. in the tenant's zone).</summary>
    public static async Task<Paged<TRow>> ToPageAsync<T, TRow>(
        this IQueryable<T> query, PageRequest request, Func<IQueryable<T>, CancellationToken, Task<List<TRow>>> read, CancellationToken ct)
    {
        var skip = (request.Page - 1) * request.PageSize;
        var items = await read(query.Skip(skip).Take(request.PageSize), ct);
        // A short page (other than an empty one past the end) already tells the total without counting.
        var total = items.Count < request.PageSize && (items.Count > 0 || skip == 0)
            ? skip + items.Count
            : await query.CountAsync(ct);
        return new Paged<TRow>(items, request.Page, request.PageSize, total);
    }
}
