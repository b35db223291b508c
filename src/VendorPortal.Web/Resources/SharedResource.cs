namespace VendorPortal.Web;

/// <summary>Marker for the portal's one set of localized strings (Resources/SharedResource.*.resx).</summary>
public sealed class SharedResource;
