using System.Globalization;

namespace AfterSales.Protocol.Panels;

/// <summary>Device identifiers the codecs put on faults, so every protocol names a zone the same way.</summary>
public static class PanelDeviceIds
{
    public const string Panel = "panel";

    /// <summary>Zone numbers are zero-padded to three digits so ids sort and match across protocols.</summary>
    public static string Zone(int zone) => "zone-" + zone.ToString("D3", CultureInfo.InvariantCulture);
}
