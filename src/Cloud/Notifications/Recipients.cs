namespace AfterSales.Cloud.Notifications;

public static class Recipients
{
    public const string Supervisor = "supervisor";
    public const string Dispatcher = "dispatcher";

    private const string TechnicianPrefix = "technician:";

    public static string Technician(string id) => TechnicianPrefix + id;

    /// <summary>The contact of a customer's site (the person the ETA and outcomes go to).</summary>
    public static string Customer(string siteId) => CustomerPrefix + siteId;

    private const string CustomerPrefix = "customer:";

    /// <summary>The site in a customer's recipient key; null for any other recipient.</summary>
    public static string? CustomerSiteId(string recipient) =>
        recipient.StartsWith(CustomerPrefix, StringComparison.Ordinal) ? recipient[CustomerPrefix.Length..] : null;

    /// <summary>The technician's id in a recipient key; null for any other recipient.</summary>
    public static string? TechnicianId(string recipient) =>
        recipient.StartsWith(TechnicianPrefix, StringComparison.Ordinal) ? recipient[TechnicianPrefix.Length..] : null;
}
