namespace AfterSales.Cloud.Auth;

/// <summary>
/// Pure: what a user name and a password must look like, for the seed and for the admin alike
/// (docs/security.md, "Users").
/// </summary>
public static class UserAccountRules
{
    public const int MinPasswordLength = 8;

    public const int MaxUserNameLength = 64;

    /// <summary>Letters, digits and <c>. _ - @</c>: a name people can type on a phone and that never needs escaping in a URL.</summary>
    public static bool IsValidUserName(string? userName) =>
        !string.IsNullOrEmpty(userName)
        && userName.Length <= MaxUserNameLength
        && userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@');

    public static bool IsStrongEnough(string? password) => password is { Length: >= MinPasswordLength } && !string.IsNullOrWhiteSpace(password);
}
