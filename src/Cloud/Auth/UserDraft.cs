namespace AfterSales.Cloud.Auth;

/// <summary>What an admin fills in for a new user; the password is null when the cloud is to make one up.</summary>
public sealed record UserDraft(string UserName, string? DisplayName, string Role, string? Culture, string? Password, string? TechnicianId, string? Customer);
