namespace AfterSales.Cloud.Inspections;

/// <summary>The fault code of a ticket opened by a failed inspection item (raised by the cloud, not a gateway).</summary>
public static class InspectionDefects
{
    public const string FaultCode = "inspection.defect";

    /// <summary>The device id a ticket uses for an item that is about the whole site (cabling, functions).</summary>
    public static string DeviceFor(InspectionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.DeviceId ?? $"site.{item.Area.ToString().ToLowerInvariant()}.{item.Position}";
    }
}
