using Dala.Registry.Naming;

namespace Dala.Registry.Tests.Naming;

public sealed class NameKeyTests
{
    [Theory]
    [InlineData("Ақкөл", "Акколь")]
    [InlineData("Ақкөл", "с.Акколь")]
    [InlineData("Ақкөл", "Akkol")]
    [InlineData("Ақкөл", "Aqköl")]
    [InlineData("Гүлдала", "с.Гульдала")]
    [InlineData("Қаншеңгел", "с.Каншенгель")]
    [InlineData("Кіші Байсерке", "с.Киши Байсерке")]
    [InlineData("Арасан-Қапал", "с.Арасан-Капал")]
    [InlineData("Balpıq bï", "с.Балпык би")]
    [InlineData("Kakimzhan", "Кәкімжан")]
    [InlineData("Şemonaïxa", "г.Шемонаиха")] // Kazakh Latin x is х
    [InlineData("Берёзовка", "Березовка")]
    [InlineData("Құрылысшы", "с.\"Ќўрылысшы\"")] // legacy font code points: Ќ for Қ, ў for ұ
    [InlineData("Заречное", "Заречное с.")]
    [InlineData("разъезд 41", "рзд.41")]
    public void Spellings_of_one_name_share_a_key(string a, string b) => Assert.Equal(NameKey.Of(a), NameKey.Of(b));

    [Theory]
    [InlineData("имени Комекбаева", "с.им.Комекбаева")]
    [InlineData("Көмекбаев ат.", "с.им.Комекбаева")]
    [InlineData("Иса Байзақов ауылы", "с.Иса Байзакова")]
    [InlineData("Мәнтай Жарымбетов ауылы", "с.Мантай Жаримбетова")]
    [InlineData("имени Ильяса Омарова", "с.им.Ильяса Омарова")]
    [InlineData("Мыңбаев", "с.Мынбаево")]
    [InlineData("Алтынсарин", "с.Алтынсарина")]
    [InlineData("Отеген Батыр", "с.Отеген батыра")]
    [InlineData("Балуан Шолақ атындағы", "с.им.Балуан Шолак")]
    public void Forms_of_a_name_given_after_a_person_share_a_key(string a, string b) => Assert.Equal(NameKey.Of(a), NameKey.Of(b));

    /// <summary>A given name in the genitive is not cut: «Жанкожа» ends in -а in the nominative too.</summary>
    [Theory]
    [InlineData("Ильяс Омаров", "с.им.Ильяса Омарова")]
    [InlineData("Жанқожа батыр", "Жанкож батыр")]
    public void Given_names_are_left_as_written(string a, string b) => Assert.NotEqual(NameKey.Of(a), NameKey.Of(b));

    [Theory]
    [InlineData("Черниговка", "с.Черниговское")]
    [InlineData("Узунколь", "с.Узункольское")]
    [InlineData("Каменка", "с.Каменское")]
    [InlineData("Чанак", "Шанак")]
    [InlineData("Жана ауыл", "Жана")] // «ауыл» after an adjective is part of the name, only «X ауылы» is dropped
    [InlineData("Кирова", "Кировка")]
    public void Different_names_keep_different_keys(string a, string b) => Assert.NotEqual(NameKey.Of(a), NameKey.Of(b));

    [Theory]
    [InlineData("с.Акколь", "akol")]
    [InlineData("Жана ауыл", "zhanauil")]
    [InlineData("Кызылжар-2", "kizilzhar2")]
    [InlineData("Ново-Ильинка", "novoilinka")]
    [InlineData("Аина", "aina")] // too short to be a genitive
    public void Key_is_a_latin_skeleton(string name, string key) => Assert.Equal(key, NameKey.Of(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("«»-.")]
    public void No_letters_give_an_empty_key(string? name) => Assert.Equal("", NameKey.Of(name));

    [Fact]
    public void A_kind_word_alone_is_not_stripped_to_nothing() => Assert.Equal("stantsia", NameKey.Of("станция"));
}
