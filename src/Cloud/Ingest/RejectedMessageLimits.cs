namespace AfterSales.Cloud.Ingest;

internal static class RejectedMessageLimits
{
    public const int ExcerptChars = 2000;
}
