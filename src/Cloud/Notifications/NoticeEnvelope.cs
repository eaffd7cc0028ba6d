namespace AfterSales.Cloud.Notifications;

/// <summary>One message as a channel sends it.</summary>
internal sealed record NoticeEnvelope(string Address, string? Secret, string Title, string Text, string? Link);
