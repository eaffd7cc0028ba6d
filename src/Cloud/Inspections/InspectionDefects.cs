namespace AfterSales.Cloud.Inspections;

/// <summary>Which device a ticket for a failed inspection item is about.</summary>
public static class InspectionDefects
{
    /// <summary>The device id a ticket uses for an item that is about the whole site (cabling, functions).</summary>
    public static string DeviceFor(InspectionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.DeviceId ?? $"site.{item.Area.ToString().ToLowerInvariant()}.{item.Position}";
    }
}
