namespace AfterSales.Cloud.Auth;

public static class ApiKeyRoles
{
    public const string Admin = "admin";
    public const string Dispatcher = "dispatcher";
    public const string Technician = "technician";
    public const string Customer = "customer";

    public static IReadOnlyList<string> All { get; } = [Admin, Dispatcher, Technician, Customer];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
