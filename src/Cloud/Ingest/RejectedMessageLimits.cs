namespace AfterSales.Cloud.Ingest;

/// <summary>Column sizes of <see cref="RejectedMessage"/>, shared by the schema and the code that fills it.</summary>
internal static class RejectedMessageLimits
{
    public const int TopicChars = 300;
    public const int ReasonChars = 500;
    public const int ExcerptChars = 2000;

    public static string Clip(string text, int max) => text.Length > max ? text[..max] : text;
}
