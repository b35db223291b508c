
namespace VendorPortal.Web.Shared;

/// <summary>Writes text in someone else's language (an e-mail to a recipient), then restores the caller's.</summary>
public sealed class UiCulture : IDisposable
{
    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;

    public UiCulture(string language) => CultureInfo.CurrentUICulture = new CultureInfo(Portal.CultureOf(language));

    public void Dispose() => CultureInfo.CurrentUICulture = previous;
}
