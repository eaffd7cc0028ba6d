namespace AfterSales.Cloud.Auth;

/// <summary>Service companies sharing one deployment; rows without a tenant belong to the default one.</summary>
public static class Tenants
{
    public const string Default = "default";
}
