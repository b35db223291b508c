namespace VendorPortal.Web.Shared;

public sealed class PortalPageRequest : PageRequest
{
    public const int DefaultPageSize = 25;

    public static PortalPageRequest Of(int page, int pageSize) => new()
    {
        Page = Math.Max(1, page),
        PageSize = pageSize is >= 1 and <= MaxPageSize ? pageSize : DefaultPageSize,
    };
}

public sealed record Pager(int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int First => Total == 0 ? 0 : (Page - 1) * PageSize + 1;
    public int Last => Math.Min(Total, Page * PageSize);
}

public static class PagerExtensions
{
    public static Pager Pager<T>(this Paged<T> page) => new(page.Page, page.PageSize, page.Total);
}

/// <summary>One choice of a list filter (an event, a vendor): its id and the name shown.</summary>
public sealed record FilterOption(Guid Id, string Name);
