using System.Diagnostics;
using System.Text.RegularExpressions;
using MimeKit;

namespace VendorPortal.Tests.Infrastructure;

public static partial class Mailbox
{
    public static async Task<IReadOnlyList<MimeMessage>> MailToAsync(this AppFactory app, string address)
    {
        if (!Directory.Exists(app.MailFolder)) return [];
        var found = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(app.MailFolder, "*.eml"))
        {
            MimeMessage message;
            try
            {
                message = await MimeMessage.LoadAsync(file);
            }
            catch (IOException)
            {
                // Still being written (the writer holds it exclusively); the next poll reads it whole.
                continue;
            }
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
                found.Add(message);
        }
        return found;
    }

    public static async Task<IReadOnlyList<MimeMessage>> WaitForMailToAsync(
        this AppFactory app, string address, Func<MimeMessage, bool>? where = null, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var mail = (await app.MailToAsync(address)).Where(where ?? (_ => true)).ToList();
            if (mail.Count > 0) return mail;
            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(20)))
                throw new TimeoutException($"No mail to {address} arrived in {app.MailFolder} within {clock.Elapsed.TotalSeconds:0} s.");
            await Task.Delay(100);
        }
    }

    public static string InvitationToken(this MimeMessage message)
    {
        var match = AcceptLink().Match(message.TextBody ?? "");
        Assert.True(match.Success, $"No invitation link in the mail: {message.TextBody}");
        return Uri.UnescapeDataString(match.Groups["token"].Value);
    }

    [GeneratedRegex(@"/invitations/accept\?token=(?<token>[^\s""<]+)")]
    private static partial Regex AcceptLink();
}
