namespace AfterSales.Cloud.Auth;

/// <summary>A user as the admin sees them: never the password hash or the security stamp.</summary>
public sealed record UserView(string UserName, string DisplayName, string Role, string? Culture, bool Disabled, string? TechnicianId, string? Customer, DateTimeOffset? LockedUntil)
{
    public static UserView Of(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.UserName, user.DisplayName, user.Role, user.Culture, user.Disabled, user.TechnicianId, user.Customer, user.LockedUntil);
    }
}
