namespace VendorPortal.Web.Data;

public sealed class ScopeViolationException(string message) : InvalidOperationException(message);
