using System.Security.Cryptography;

namespace AfterSales.Protocol.Panels.SiaDc09;

/// <summary>
/// DC-09 encryption: AES-CBC with an all-zero IV and no block padding; the sender pads the plaintext
/// itself with random characters in front of the '|' so identical events do not give identical ciphertext.
/// </summary>
internal static class Dc09Cipher
{
    private static readonly byte[] ZeroIv = new byte[16];

    public static byte[] Encrypt(Dc09Key key, ReadOnlySpan<byte> plaintext)
    {
        using var aes = Aes.Create();
        aes.Key = key.Bytes.ToArray();
        return aes.EncryptCbc(plaintext, ZeroIv, PaddingMode.None);
    }

    public static bool TryDecrypt(Dc09Key key, ReadOnlySpan<byte> ciphertext, out byte[] plaintext)
    {
        plaintext = [];
        if (ciphertext.Length == 0 || ciphertext.Length % 16 != 0)
        {
            return false;
        }

        using var aes = Aes.Create();
        aes.Key = key.Bytes.ToArray();
        plaintext = aes.DecryptCbc(ciphertext, ZeroIv, PaddingMode.None);
        return true;
    }
}
