namespace AfterSales.Cloud.Auth;

/// <summary>
/// One key of the ASP.NET Core Data Protection key ring, which encrypts sign-in cookies. Kept in the
/// database so a restart keeps everyone signed in and every node reads every other node's cookies.
/// </summary>
public sealed class DataProtectionKey
{
    public long Id { get; set; }

    public required string FriendlyName { get; set; }

    public required string Xml { get; set; }
}
