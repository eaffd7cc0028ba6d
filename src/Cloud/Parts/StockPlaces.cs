namespace AfterSales.Cloud.Parts;

/// <summary>Names of the places parts sit. Stock places (warehouses, vans) may never go below zero.</summary>
public static class StockPlaces
{
    public const string Supplier = "supplier";
    public const string Scrap = "scrap";
    public const string Adjustments = "adjustments";

    public static string Warehouse(string id) => "warehouse:" + id;

    public static string Van(string technicianId) => "van:" + technicianId;

    public static string Job(long ticketId) => "job:" + ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Old parts handed back at a warehouse, waiting to be written off.</summary>
    public static string Returns(string warehouseId) => "returns:" + warehouseId;

    /// <summary>Where an old part comes from: the site it was taken out of on the job.</summary>
    public static string OldFrom(long ticketId) => "old:" + ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsStock(string place) => place.StartsWith("warehouse:", StringComparison.Ordinal) || place.StartsWith("van:", StringComparison.Ordinal);

    public static bool IsReturns(string place) => place.StartsWith("returns:", StringComparison.Ordinal);
}
