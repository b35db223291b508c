
namespace VendorPortal.Web.Features.Billing;

/// <summary>
/// The one rounding rule for money: half away from zero, to the currency's minor unit, applied once per
/// statement line (and to adjustments and tax, which are lines of their own). Formatting is culture-free.
/// </summary>
public static class Money
{
    // ISO 4217 minor units that differ from the usual two.
    private static readonly Dictionary<string, int> MinorUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
    };

    public static int Decimals(string currency) => MinorUnits.GetValueOrDefault(currency, 2);

    public static decimal Round(decimal amount, string currency) =>
        Math.Round(amount, Decimals(currency), MidpointRounding.AwayFromZero);

    /// <summary>1234.5 CNY → "1,234.50": grouping and decimal point never follow the server's culture.</summary>
    public static string Format(decimal amount, string currency) =>
        amount.ToString("N" + Decimals(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A plain number for CSV and hashes: "1234.50".</summary>
    public static string Plain(decimal amount, string currency) =>
        amount.ToString("F" + Decimals(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Price(decimal unitPrice) => unitPrice.ToString("0.00##", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
