using System.Collections.Frozen;

namespace Sked.Workflows.Domain.Text;

/// <summary>
/// The words of a Persian question as the same-question matcher compares them: normalised
/// (<see cref="PersianText.MatchKey"/>: ي/ك, digits, diacritics, the ZWNJ joined), colloquial forms
/// written out (میخوام → میخواهم), light stemming (the prefixes می/نمی, plural and possessive endings),
/// synonyms folded to one word (صورتحساب → قبض), and the words that carry no subject dropped. A ZWNJ
/// typed as a space (چاه های، می یابد) leaves a lone affix, which is dropped too, so both spellings meet.
/// </summary>
public static class PersianTerms
{
    private static readonly FrozenSet<string> Dropped = new[]
    {
        "ها", "های", "هایی", "می", "نمی", "را", "رو", "و", "در", "به", "از", "که", "این", "آن", "اون", "این", "با", "برای", "است", "هست",
        "چه", "آیا", "یک", "یه", "تا", "هم", "من", "ما", "شما", "بر", "ی", "ای", "اگر", "اگه", "باید", "لطفا", "لطفاً", "سلام", "چرا", "چطور", "چگونه",
        "چطوری", "چیست", "چیه", "کنم", "کنیم", "کرد", "شود", "میشه", "میشود", "شده", "بشه", "دارم", "داره", "دارد", "چی", "کجا", "کجاست",
        "خواهم", "خواهیم", "میخواهم", "میخواهیم", "آمده", "آمد", "اومده", "شد", "بسیار", "خیلی",
        // Every question here is about electricity: the word tells one question from another no more than "please" does.
        "برق", "اینقدر", "چقدر", "چکار", "چیکار", "باشد", "بود", "است؟",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Spoken forms to written ones (after the ZWNJ is joined).</summary>
    private static readonly FrozenDictionary<string, string> Colloquial = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["میخوام"] = "میخواهم", ["میخوایم"] = "میخواهیم", ["خونه"] = "خانه", ["خونم"] = "خانه", ["چیه"] = "چیست", ["نمیدونم"] = "نمیدانم",
        ["اومده"] = "آمده", ["اومد"] = "آمد", ["نیومده"] = "نیامده", ["نمیاد"] = "نمیآید", ["میاد"] = "میآید", ["بدم"] = "بدهم", ["بدین"] = "بدهید",
        ["کنین"] = "کنید", ["میتونم"] = "میتوانم", ["نمیتونم"] = "نمیتوانم", ["دیگه"] = "دیگر", ["الان"] = "اکنون", ["اینجوری"] = "اینگونه",
        ["پول"] = "هزینه", ["خیلی"] = "بسیار", ["زیادی"] = "زیاد", ["گرونه"] = "گران", ["زیاده"] = "زیاد", ["خرابه"] = "خراب", ["خطرناکه"] = "خطرناک", ["کجاس"] = "کجاست", ["گرون"] = "گران", ["قطعه"] = "قطع",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words that mean the same to a citizen of an electricity distributor, each folded to one.</summary>
    private static readonly FrozenDictionary<string, string> Synonyms = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["صورتحساب"] = "قبض", ["فاکتور"] = "قبض", ["خاموشی"] = "قطعی", ["قطع"] = "قطعی", ["قطعبرق"] = "قطعی", ["ماینر"] = "رمزارز",
        ["بیتکوین"] = "رمزارز", ["استخراج"] = "رمزارز", ["کنتورها"] = "کنتور", ["شمارنده"] = "کنتور", ["اشتراک"] = "انشعاب",
        ["واریز"] = "پرداخت", ["هزینه"] = "مبلغ", ["بها"] = "مبلغ", ["دکل"] = "تیر",
        ["پایه"] = "تیر", ["کابل"] = "سیم", ["برقکار"] = "مامور", ["مأمور"] = "مامور", ["کارشناس"] = "مامور",
        ["بگیرم"] = "دریافت", ["بگیر"] = "دریافت", ["گرفتن"] = "دریافت", ["ببینم"] = "دیدن", ["ببین"] = "دیدن", ["مشاهده"] = "دیدن",
        ["اینترنتی"] = "آنلاین", ["غیرقانونی"] = "غیرمجاز", ["مدارکی"] = "مدارک", ["مدارکش"] = "مدارک", ["مدرک"] = "مدارک",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] Prefixes = ["نمی", "می"];

    /// <summary>Endings, longest first where they overlap; مو/تو/شو are spoken possessive-plus-object (برقمو: my electricity, as object).</summary>
    private static readonly string[] Suffixes = ["هایی", "های", "ها", "ترین", "تر", "شان", "تان", "مان", "مو", "تو", "شو", "ام", "ات", "اش", "ند", "ید", "یم", "م"];

    /// <summary>Services that are not ours: a question about one of them is never the same as one about electricity.</summary>
    private static readonly FrozenSet<string> OtherServices = new[]
    {
        "گاز", "آب", "فاضلاب", "تلفن", "مخابرات", "اینترنت", "شهرداری", "پست", "بیمه", "مالیات", "موبایل", "همراه", "چراغ", "راهنمایی",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether a term names another service (gas, water, telephone…), which no answer about electricity answers.</summary>
    public static bool IsOtherService(string term) => OtherServices.Contains(term);

    /// <summary>
    /// Whether two terms are one word, or one is part of the other's compound (برنامه‌ریزی‌شده typed as
    /// برنامه ریزی شده leaves برنامه and ریزی, each part of the joined form). Parts shorter than three letters do not count.
    /// </summary>
    public static bool Related(string one, string other) =>
        string.Equals(one, other, StringComparison.Ordinal)
        || (one.Length >= 3 && other.Contains(one, StringComparison.Ordinal))
        || (other.Length >= 3 && one.Contains(other, StringComparison.Ordinal));

    /// <summary>The terms of a text, in order; the same question in other spellings gives the same terms.</summary>
    public static IReadOnlyList<string> Of(string? text) =>
        [.. PersianText.MatchKey(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Term).OfType<string>()];

    /// <summary>One word's term, or null for a word that says nothing about the subject.</summary>
    public static string? Term(string word)
    {
        var written = Colloquial.GetValueOrDefault(word, word);
        if (Dropped.Contains(written))
        {
            return null;
        }

        // A spoken form may show only once its ending is gone (خونه‌ام → خونه → خانه).
        var stem = Stem(written);
        stem = Colloquial.GetValueOrDefault(stem, stem);
        return Dropped.Contains(stem) ? null : Synonyms.GetValueOrDefault(stem, Synonyms.GetValueOrDefault(written, stem));
    }

    private static string Stem(string word)
    {
        foreach (var prefix in Prefixes)
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal) && word.Length - prefix.Length >= 3)
            {
                word = word[prefix.Length..];
                break;
            }
        }

        foreach (var suffix in Suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 3)
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }
}
