using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Infrastructure.Mail;

/// <summary>
/// A mail as an e-mail case: the subject and text fitted to what a case holds (an empty subject or
/// text named as such, a long text cut with a note; the whole text stays on the mail thread).
/// </summary>
public static class MailSubmission
{
    public static CaseSubmission From(InboundMail mail) => new()
    {
        Type = CaseTypes.EmailInquiry,
        Subject = Subject(mail.Subject),
        Body = Body(mail.Text),
        Citizen = new CitizenInput(mail.FromName is null ? null : MailNotes.Fit(mail.FromName, SubmissionValidator.NameMax), null, null, mail.FromAddress),
    };

    public static bool WasCut(InboundMail mail) => mail.Text.Length > SubmissionValidator.BodyMax;

    private static string Subject(string subject)
    {
        var withoutTag = subject.Trim();
        return withoutTag.Length < 3 ? Catalogue.Text(MailTexts.NoSubject) : MailNotes.Fit(withoutTag, SubmissionValidator.SubjectMax);
    }

    private static string Body(string text)
    {
        if (text.Length < 10)
        {
            return text.Length == 0 ? Catalogue.Text(MailTexts.NoText) : $"{text}\n{Catalogue.Text(MailTexts.NoText)}";
        }

        if (text.Length <= SubmissionValidator.BodyMax)
        {
            return text;
        }

        var note = "\n\n" + Catalogue.Text(MailTexts.TextCut);
        return text[..(SubmissionValidator.BodyMax - note.Length)] + note;
    }
}
