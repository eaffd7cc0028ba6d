namespace AfterSales.Protocol.Topics;

/// <summary>
/// Site and gateway identifiers become MQTT topic levels, so they must never contain
/// wildcards, separators or anything a broker ACL could misread.
/// </summary>
public static class SiteIds
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            var ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
