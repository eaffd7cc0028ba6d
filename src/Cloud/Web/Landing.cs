using AfterSales.Cloud.Auth;

namespace AfterSales.Cloud.Web;

/// <summary>Where each role starts: technicians on their jobs, staff on the console, customers on their portal.</summary>
internal static class Landing
{
    public static string For(DeskUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Role switch
        {
            ApiKeyRoles.Technician => "/jobs",
            ApiKeyRoles.Admin or ApiKeyRoles.Dispatcher => "/desk",
            ApiKeyRoles.Customer => "/portal",
            _ => "/tickets",
        };
    }
}
