"""Stopword tables for :func:`newscrawler.utils.language.detect_language`.

The most frequent function words of each Latin-script language we detect, lowercased.
They are frequent enough that a paragraph of 20+ words almost always holds several,
and mostly distinct between languages; words shared by several languages (``de``,
``a``, ``in``) count for each of them with a proportionally smaller weight.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        """
        the of and to in a is that for it on was with as by at from he be this are have
        has had were his her they an or not but which been their its will would who said
        also after about more than there we one all can up out new when into over she i
        you our could them two first other some what only most last people year years
        """
    ),
    "de": _words(
        """
        der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als
        auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie
        einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein
        wurde sei ihre jahr jahren gegen schon wenn kann ich uns diese dieser
        """
    ),
    "fr": _words(
        """
        le la les de des et en un une du est que qui dans pour pas au sur par plus ne se
        il elle ce avec sont a ont été son sa ses aux leur mais comme nous vous ou être
        cette tout fait deux ans après également selon lors dont entre y lui ces était
        """
    ),
    "es": _words(
        """
        el la los las de del y en que a un una por con para es se no su al lo sus como
        más pero ha o este esta entre sin sobre también fue han ya hay muy desde está
        son porque cuando todo años dos le ser después según fueron durante era ese
        """
    ),
    "it": _words(
        """
        il lo la i gli le di del della dei delle degli e è in un una che per non con si
        da al alla ai nel nella sono ha anche come più ma o questo questa essere stato
        stata dopo loro tra fra suo sua ancora già solo anni secondo quando cui sul sulla
        a ad ed
        """
    ),
    "pt": _words(
        """
        o a os as de do da dos das e em no na nos nas um uma que para com não por se ao
        à é mais como mas foi ser são seu sua também pelo pela já há ele ela entre quando
        muito anos depois sobre até isso este esta disse pelos pelas ainda
        """
    ),
    "nl": _words(
        """
        de het een en van in is dat op te zijn met voor niet aan er die als ook door bij
        om maar uit of nog naar dan wordt werd heeft hebben was al zo tot over kan worden
        ze hij geen jaar tegen meer wel zich deze onder
        """
    ),
    "tr": _words(
        """
        ve bir bu da de için ile çok olarak daha gibi ama en olan kadar sonra ne o ki mi
        göre değil her şey ise veya yıl tarafından üzerinde arasında olduğu etti oldu
        ancak ayrıca yeni iki büyük önce şu sadece nasıl zaman yapılan olduğunu dedi
        belirtti açıklamada yüzde tüm diğer karşı ilk bazı hem bunun günü
        """
    ),
    "pl": _words(
        """
        i w się na z do że nie to jest o jak po co ale od za przez dla tak jego już tym
        był była było być może oraz który która które tego czy też tylko roku pod jednak
        bardzo są jej ich lub także według został została gdy we ze
        """
    ),
    "sv": _words(
        """
        och i att det som en på är av för med till den har de inte om ett var jag sig
        men från vid så kan hade när efter eller också under sina blir skulle där mot
        vara detta än nu hur alla andra mycket år enligt säger
        """
    ),
}
