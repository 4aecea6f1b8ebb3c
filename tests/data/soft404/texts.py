"""Text of the soft-404 corpus, written for it: invented companies, places and people.

Per language: story titles and paragraphs, briefs, and the error, expiry and
banner wording of the sites' templates.
"""

from __future__ import annotations

T: dict[str, dict[str, object]] = {
    "en": {
        "titles": [
            "Marrowfield Rail Orders Forty Battery Trains for Northern Routes",
            "Quenby Foods Lifts Annual Outlook After Strong Snack Sales",
            "Tarnside Council Approves Riverside Housing Plan",
            "Oldcastle Pharma Wins Approval for Pediatric Asthma Inhaler",
            "Lindqvist Shipping Cuts Emissions With Wind-Assisted Freighters",
        ],
        "paras": [
            "Marrowfield Rail said on Tuesday it had ordered forty battery-electric trains for its northern routes, replacing diesel units that have run on the lines since the early 1990s.",
            "The company expects the first trains to enter service in late 2027, with the full fleet running by the end of 2029. Charging equipment will be installed at six stations along the network.",
            "\"Passengers will notice quieter, cleaner journeys from the first day,\" chief executive Harriet Lowe said in a statement, adding that the order was the largest in the operator's history.",
            "Analysts said the purchase, valued at roughly 620 million pounds, would raise capital spending for three years but lower fuel and maintenance costs over the trains' working life.",
            "Regional officials welcomed the decision, noting that several towns on the route had campaigned for years to end the use of diesel trains through their centres.",
            "Shares in the company rose 2.4 percent in morning trading, outperforming a broader index of transport stocks that was little changed on the day.",
        ],
        "brief": [
            "LONDON (Harbour Wire) — Quenby Foods raised its full-year profit forecast on Thursday after sales of its savoury snacks grew faster than expected in the first quarter.",
            "The company will publish detailed results on May 14.",
        ],
        "error": ("Page not found", "Sorry, the page you requested could not be found. It may have been moved or deleted."),
        "expired": ("This story is no longer available", "This story is no longer available. Releases on this site are removed when the distribution licence ends."),
        "banner": ("Sorry!! Error!", "We are sorry, but the page you were looking for doesn't exist."),
        "gone": ("Story removed", "This article has been removed at the request of the publisher."),
        "odd": ("Nothing here, friend", "Nothing lives at this address any more. Our archive keeps releases for ninety days; the index lists what is still online."),
    },
    "de": {
        "titles": [
            "Rheinauer Stahlwerk investiert in Wasserstoff-Hochofen",
            "Bäckerei-Kette Kornfeld eröffnet zwölf neue Filialen",
            "Stadtwerke Elbtal senken Fernwärmepreise zum Herbst",
            "Maschinenbauer Krettner meldet Rekordauftrag aus Brasilien",
        ],
        "paras": [
            "Das Rheinauer Stahlwerk will in den kommenden vier Jahren rund 900 Millionen Euro in einen Hochofen investieren, der mit Wasserstoff statt Koks betrieben wird.",
            "Nach Angaben des Vorstands soll die Anlage ab 2029 jährlich etwa zwei Millionen Tonnen Stahl erzeugen und den Ausstoß von Kohlendioxid am Standort um mehr als die Hälfte senken.",
            "„Wir bauen damit die Grundlage für die nächsten dreißig Jahre“, sagte Vorstandschefin Ingrid Baumann bei der Vorstellung der Pläne in der Werkshalle.",
            "Das Land hat Fördermittel in Höhe von 250 Millionen Euro zugesagt. Die Genehmigung der Behörden steht allerdings noch aus, ein Bescheid wird für den Sommer erwartet.",
            "Gewerkschaftsvertreter begrüßten die Entscheidung, forderten aber eine Garantie für die rund 3.400 Arbeitsplätze am Standort während des Umbaus.",
            "An der Börse legte die Aktie des Mutterkonzerns um 3,1 Prozent zu und gehörte damit zu den stärksten Werten im Nebenwerteindex.",
        ],
        "brief": [
            "FRANKFURT (Harbour Wire) – Die Bäckerei-Kette Kornfeld eröffnet bis Jahresende zwölf neue Filialen in Hessen und schafft damit rund 150 Arbeitsplätze.",
        ],
        "error": ("Seite nicht gefunden", "Die angeforderte Seite wurde nicht gefunden. Bitte überprüfen Sie die Adresse."),
        "expired": ("Dieser Artikel ist nicht mehr verfügbar", "Dieser Artikel ist nicht mehr verfügbar. Meldungen werden nach Ablauf der Lizenz entfernt."),
        "banner": ("Hoppla! Fehler!", "Die von Ihnen gesuchte Seite existiert leider nicht."),
        "gone": ("Artikel entfernt", "Dieser Artikel wurde entfernt."),
        "odd": ("Hier ist leider nichts", "Unter dieser Adresse liegt nichts mehr. Unser Archiv bewahrt Meldungen neunzig Tage lang auf; das Verzeichnis zeigt, was noch online ist."),
    },
    "fr": {
        "titles": [
            "Les Chantiers de Port-Mirel livrent leur premier ferry électrique",
            "La coopérative laitière Val-Brume relève ses prix d'achat",
            "Vignobles Castelrouge rachète un domaine en Provence",
            "Lyon : le réseau de tramway s'agrandit de six kilomètres",
        ],
        "paras": [
            "Les Chantiers de Port-Mirel ont livré mardi leur premier ferry entièrement électrique, destiné à la liaison entre le continent et l'île de Brévac.",
            "Le navire, long de 68 mètres, peut transporter 300 passagers et 40 voitures. Ses batteries se rechargent en vingt minutes à chaque escale grâce à une borne installée sur le quai.",
            "« C'est une étape importante pour toute la filière », a déclaré la directrice générale, Claire Demonceau, lors de la cérémonie organisée sur le port.",
            "La compagnie exploitante prévoit de remplacer ses trois autres ferries d'ici 2030 si les premiers mois d'exploitation confirment les économies attendues.",
            "Le chantier emploie aujourd'hui 1 200 personnes et affirme disposer d'un carnet de commandes rempli jusqu'à la fin de l'année 2027.",
            "Les élus de la région ont salué un projet qui réduira le bruit et la pollution dans le port pendant la saison touristique.",
        ],
        "brief": [
            "RENNES (Harbour Wire) - La coopérative laitière Val-Brume a annoncé jeudi une hausse de 4 % du prix payé aux éleveurs à partir du mois de juin.",
        ],
        "error": ("Page introuvable", "Désolé, la page que vous recherchez n'existe pas ou a été déplacée."),
        "expired": ("Cet article n'est plus disponible", "Cet article n'est plus disponible. Les communiqués sont retirés à la fin de leur licence de diffusion."),
        "banner": ("Oups ! Erreur !", "Nous sommes désolés, la page que vous recherchez n'existe pas."),
        "gone": ("Article retiré", "Cet article a été supprimé à la demande de l'éditeur."),
        "odd": ("Rien à cette adresse", "Plus rien ne se trouve à cette adresse. Nos archives conservent les communiqués quatre-vingt-dix jours ; l'index indique ce qui reste en ligne."),
    },
    "es": {
        "titles": [
            "Aceros del Nalón invertirá 300 millones en un horno eléctrico",
            "La cadena Frutas Ribera abre su primera tienda en Portugal",
            "Valencia amplía la red de carriles bici en el centro",
            "Bodegas Peñalta compra viñedos en la Ribera del Duero",
        ],
        "paras": [
            "Aceros del Nalón invertirá 300 millones de euros en un horno de arco eléctrico en su planta asturiana, según anunció la empresa el lunes.",
            "La nueva instalación permitirá reducir a la mitad las emisiones de la fábrica y entrará en funcionamiento a finales de 2027, tras dos años de obras.",
            "«Es la mayor inversión de nuestra historia», afirmó la consejera delegada, Marta Solís, durante la presentación del proyecto ante la plantilla.",
            "El Gobierno regional aportará una subvención de 45 millones y la compañía financiará el resto con fondos propios y un préstamo bancario.",
            "Los sindicatos valoraron positivamente el anuncio, aunque pidieron garantías para los 1.100 trabajadores durante el periodo de transición.",
            "Las acciones de la empresa subieron un 2,8 % en la bolsa de Madrid tras conocerse la noticia.",
        ],
        "brief": [
            "MADRID (Harbour Wire) - La cadena Frutas Ribera abrirá su primera tienda en Portugal en septiembre, en el centro de Oporto, con una plantilla de 25 personas.",
        ],
        "error": ("Página no encontrada", "Lo sentimos, la página que buscas no existe o ha sido movida."),
        "expired": ("Este artículo ya no está disponible", "Este artículo ya no está disponible. Los comunicados se retiran cuando vence su licencia."),
        "banner": ("¡Vaya! ¡Error!", "Lo sentimos, pero la página que buscas no existe."),
        "gone": ("Artículo retirado", "Este artículo ha sido eliminado a petición del editor."),
        "odd": ("Aquí no hay nada", "En esta dirección ya no hay nada. Nuestro archivo guarda los comunicados noventa días; el índice muestra lo que sigue publicado."),
    },
    "it": {
        "titles": [
            "Cantieri Adriatica vara il primo traghetto a idrogeno",
            "Il pastificio Granvalle apre un nuovo stabilimento in Puglia",
            "Torino, la metropolitana arriva a Rivoli nel 2028",
            "Latterie Monteverde aumentano il prezzo del latte alla stalla",
        ],
        "paras": [
            "Cantieri Adriatica ha varato sabato il primo traghetto alimentato a idrogeno, destinato al collegamento tra Ancona e le isole Tremiti.",
            "La nave, lunga 72 metri, potrà trasportare 350 passeggeri e percorrere l'intera tratta senza emissioni. Il rifornimento avverrà in porto in meno di un'ora.",
            "«È un risultato che premia anni di ricerca», ha detto l'amministratrice delegata Giulia Ferrante durante la cerimonia in cantiere.",
            "L'armatore ha già opzionato altre due unità, che potrebbero entrare in servizio entro il 2029 se la sperimentazione darà i risultati previsti.",
            "Il cantiere impiega circa 900 persone e prevede di assumerne altre 120 nei prossimi due anni per far fronte agli ordini.",
            "Le istituzioni locali hanno accolto con favore il progetto, che ridurrà il rumore e l'inquinamento nelle aree portuali.",
        ],
        "brief": [
            "BARI (Harbour Wire) - Il pastificio Granvalle aprirà entro l'autunno un nuovo stabilimento a Altamura, con 80 nuovi posti di lavoro.",
        ],
        "error": ("Pagina non trovata", "Spiacenti, la pagina che stai cercando non esiste o è stata spostata."),
        "expired": ("Questo articolo non è più disponibile", "Questo articolo non è più disponibile. I comunicati vengono rimossi alla scadenza della licenza."),
        "banner": ("Ops! Errore!", "Ci dispiace, ma la pagina che stai cercando non esiste."),
        "gone": ("Articolo rimosso", "Questo articolo è stato rimosso su richiesta dell'editore."),
        "odd": ("Qui non c'è niente", "A questo indirizzo non c'è più nulla. Il nostro archivio conserva i comunicati per novanta giorni; l'indice mostra cosa è ancora online."),
    },
    "pt": {
        "titles": [
            "Estaleiros do Tejo entregam primeiro navio-tanque a gás natural",
            "Rede de supermercados Boa Colheita abre vinte lojas no Norte",
            "Porto Alegre amplia linhas de ônibus elétricos",
            "Cooperativa Vale Verde bate recorde de exportação de café",
        ],
        "paras": [
            "Os Estaleiros do Tejo entregaram na segunda-feira o primeiro navio-tanque movido a gás natural construído em Portugal, destinado a uma empresa norueguesa.",
            "A embarcação tem 180 metros de comprimento e capacidade para 40 mil toneladas de carga. A construção levou dois anos e envolveu mais de 600 trabalhadores.",
            "\"Este contrato mostra que a indústria naval portuguesa continua competitiva\", afirmou o presidente executivo, Rui Albuquerque, durante a cerimônia.",
            "O estaleiro tem mais três navios encomendados e espera fechar novos contratos até o fim do ano, segundo fontes da empresa.",
            "O governo considera o setor estratégico e anunciou um programa de apoio à modernização dos estaleiros nacionais.",
            "As ações do grupo subiram 1,9 % na bolsa de Lisboa após o anúncio da entrega.",
        ],
        "brief": [
            "LISBOA (Harbour Wire) - A rede Boa Colheita vai abrir vinte novas lojas no Norte do país até dezembro, criando cerca de 400 empregos.",
        ],
        "error": ("Página não encontrada", "Desculpe, a página que você procura não existe ou foi movida."),
        "expired": ("Este artigo não está mais disponível", "Este artigo não está mais disponível. Os comunicados são retirados quando a licença termina."),
        "banner": ("Ops! Erro!", "Desculpe, mas a página que você procura não existe."),
        "gone": ("Artigo removido", "Este artigo foi removido a pedido do editor."),
        "odd": ("Nada por aqui", "Não há mais nada neste endereço. O nosso arquivo guarda os comunicados por noventa dias; o índice mostra o que ainda está disponível."),
    },
    "ar": {
        "titles": [
            "شركة الواحة للطاقة تفتتح محطة شمسية جديدة في الجنوب",
            "بنك المرفأ يرفع توقعات أرباحه للعام الحالي",
            "ميناء الخليج يسجل رقما قياسيا في حركة الحاويات",
            "مجموعة النخيل توقع عقدا لبناء ألف وحدة سكنية",
        ],
        "paras": [
            "افتتحت شركة الواحة للطاقة يوم الأحد محطة شمسية جديدة في المنطقة الجنوبية بقدرة تبلغ ثلاثمئة ميغاواط، وهي الأكبر من نوعها في البلاد.",
            "وقالت الشركة في بيان إن المحطة ستزود نحو مئة وخمسين ألف منزل بالكهرباء، وستخفض الانبعاثات بمقدار أربعمئة ألف طن سنويا.",
            "وقال الرئيس التنفيذي سامر الحداد خلال حفل الافتتاح إن المشروع يمثل خطوة مهمة نحو تحقيق أهداف الطاقة النظيفة بحلول عام ألفين وثلاثين.",
            "وبلغت تكلفة المشروع نحو مئتين وخمسين مليون دولار، تم تمويل جزء منها عبر قروض من بنوك محلية ودولية.",
            "ومن المتوقع أن تبدأ الشركة العام المقبل أعمال إنشاء محطة ثانية في المنطقة الشرقية بقدرة مماثلة.",
            "وارتفع سهم الشركة بنسبة اثنين في المئة في تعاملات البورصة عقب الإعلان عن افتتاح المحطة.",
        ],
        "brief": [
            "دبي (هاربر واير) - رفع بنك المرفأ يوم الخميس توقعاته لأرباح العام الحالي بعد نمو قوي في الإقراض خلال الربع الأول من السنة.",
        ],
        "error": ("الصفحة غير موجودة", "عذرا، الصفحة التي تبحث عنها غير موجودة أو تم نقلها."),
        "expired": ("هذا المقال لم يعد متاحا", "هذا المقال لم يعد متاحا. تتم إزالة البيانات الصحفية عند انتهاء الترخيص."),
        "banner": ("عذرا! خطأ!", "نأسف، الصفحة التي تبحث عنها غير موجودة."),
        "gone": ("تم حذف المقال", "تم حذف هذا المقال بناء على طلب الناشر."),
        "odd": ("لا شيء هنا", "لم يعد هناك شيء على هذا العنوان. يحتفظ أرشيفنا بالبيانات لمدة تسعين يوما، ويعرض الفهرس ما بقي منشورا."),
    },
    "ru": {
        "titles": [
            "Завод «Северный трактор» запускает выпуск электрических погрузчиков",
            "Сеть пекарен «Колос» откроет тридцать точек в Казани",
            "В Новосибирске продлят линию метро до аэропорта",
            "Компания «Байкал-Транс» заказала двадцать новых судов",
        ],
        "paras": [
            "Завод «Северный трактор» в понедельник начал серийный выпуск электрических погрузчиков, рассчитанных на работу на складах и в портах.",
            "По словам руководства, в первый год предприятие планирует выпустить около двух тысяч машин, а к 2028 году довести выпуск до пяти тысяч.",
            "«Мы долго готовились к этому запуску и уверены в спросе», — заявил генеральный директор Андрей Васильев на церемонии в сборочном цехе.",
            "Инвестиции в новую линию составили около четырёх миллиардов рублей, часть средств предоставил региональный фонд развития промышленности.",
            "На заводе работают более трёх тысяч человек, из них около двухсот были наняты специально для нового производства.",
            "Акции компании на Московской бирже выросли на 2,2 процента после объявления о начале выпуска.",
        ],
        "brief": [
            "КАЗАНЬ (Harbour Wire) — Сеть пекарен «Колос» до конца года откроет в Казани тридцать новых точек и наймёт около двухсот сотрудников.",
        ],
        "error": ("Страница не найдена", "К сожалению, запрашиваемая страница не найдена. Возможно, она была перемещена или удалена."),
        "expired": ("Материал больше недоступен", "Этот материал больше недоступен. Пресс-релизы удаляются после окончания срока лицензии."),
        "banner": ("Упс! Ошибка!", "Извините, но страница, которую вы ищете, не существует."),
        "gone": ("Материал удалён", "Материал удалён по просьбе издателя."),
        "odd": ("Здесь пусто", "По этому адресу больше ничего нет. Архив хранит пресс-релизы девяносто дней; в указателе видно, что ещё опубликовано."),
    },
    "zh": {
        "titles": [
            "江南重工在苏州投产新型风电设备工厂",
            "华禾食品第一季度营收同比增长百分之十八",
            "成都地铁新线路将于年底开通运营",
            "海川航运订购十二艘液化天然气动力集装箱船",
        ],
        "paras": [
            "江南重工周二宣布，其位于苏州的新型风电设备工厂正式投产，预计每年可生产大型风机叶片一千二百套，产品主要供应沿海风电项目。",
            "公司表示，新工厂总投资约四十五亿元，采用自动化生产线，生产效率比原有工厂提高约三成，同时将创造约一千五百个就业岗位。",
            "江南重工董事长李文华在投产仪式上表示，公司将继续加大研发投入，力争在未来三年内推出更大功率的海上风机产品。",
            "业内分析人士认为，随着海上风电装机规模持续扩大，国内风机零部件的需求将保持较快增长，龙头企业有望进一步扩大市场份额。",
            "当地政府表示，将为项目提供配套的港口运输和电力接入服务，并支持企业建设研发中心。",
            "受消息影响，江南重工股价当天上涨百分之三点五，成交量明显放大。",
        ],
        "brief": [
            "上海（海港通讯社）华禾食品周四发布公告称，公司第一季度营业收入同比增长百分之十八，净利润同比增长百分之二十二，主要得益于休闲食品销量上升。",
        ],
        "error": ("页面不存在", "抱歉，您访问的页面不存在或已被删除，请返回首页。"),
        "expired": ("该文章已被删除", "该文章已被删除，相关新闻稿已在授权期满后下线。"),
        "banner": ("抱歉！出错了！", "您要查看的页面不存在。"),
        "gone": ("内容已删除", "该内容已被删除。"),
        "odd": ("这里空空如也", "这个地址下已经没有内容了。我们的档案只保存九十天内的新闻稿，请查看索引了解仍在线的内容。"),
    },
    "ja": {
        "titles": [
            "北陸精機、富山に新工場を建設　半導体装置の部品を増産",
            "みなと食品、今期の営業利益予想を上方修正",
            "大阪の新しい路面電車、来春に開業へ",
            "東海海運、LNG燃料の貨物船六隻を発注",
        ],
        "paras": [
            "北陸精機は十日、富山県に新工場を建設すると発表した。半導体製造装置向けの精密部品を増産し、二〇二七年春の稼働を目指す。",
            "投資額は約三百億円で、新工場の生産能力は現在の約一・五倍になる見通しだ。地元を中心に約四百人を新たに採用する計画である。",
            "記者会見で山本健一社長は「需要の拡大に確実に応えるため、国内での生産体制を強化する」と述べた。",
            "同社の部品は国内外の大手装置メーカーに供給されており、受注残高は過去最高の水準にあるという。",
            "富山県は立地に伴う補助金の交付を検討しており、道路や電力などの基盤整備も進める方針を示した。",
            "発表を受けて、同社の株価は前日比で四パーセント上昇した。",
        ],
        "brief": [
            "【東京＝ハーバー通信】みなと食品は十二日、今期の営業利益予想を従来の八十億円から九十五億円に引き上げたと発表した。菓子の販売が好調だった。",
        ],
        "error": ("ページが見つかりません", "お探しのページは見つかりませんでした。移動または削除された可能性があります。"),
        "expired": ("この記事は削除されました", "この記事は掲載期間が終了しました。ニュースリリースは配信期間の終了後に削除されます。"),
        "banner": ("申し訳ありません", "お探しのページは存在しません。"),
        "gone": ("記事は削除されました", "この記事は既に削除されています。"),
        "odd": ("ここには何もありません", "このアドレスにはもう何もありません。アーカイブは九十日間だけ保存され、索引で公開中のものを確認できます。"),
    },
}

ABOUT_404 = {
    "en": [
        ("Why \"Page Not Found\" Errors Cost Online Shops Millions",
         ["Shoppers who land on a \"page not found\" message leave within seconds, and most never come back, according to a survey of 4,000 online customers published on Monday.",
          "The study, by the consultancy Brightlane, found that broken links and missing product pages cost mid-sized retailers an average of 1.3 million dollars a year in lost sales.",
          "Many of the errors come from old promotions: a campaign page is deleted, but links to it live on in emails and social media posts, and every visitor then sees a 404 error instead of a product.",
          "The authors recommend that shops redirect retired pages to the closest matching product and check their sites every week for links that no longer work.",
          "\"A missing page is not a technical detail, it is a closed shop door,\" said Brightlane partner Oona Pritchard."]),
        ("Cloud Outage Leaves Thousands of Sites Showing Error Pages",
         ["A four-hour outage at the hosting company Nimbusway left thousands of websites showing error messages on Wednesday, including several banks and a national rail operator.",
          "Visitors saw messages such as \"503 Service Unavailable\" and \"Access denied\" while engineers worked to restore a storage system that had failed during routine maintenance.",
          "Nimbusway said no customer data was lost and apologised for the disruption. It promised a full report on the cause within two weeks.",
          "The incident renewed calls for large companies to spread their websites across more than one provider so that a single failure cannot take them offline."]),
        ("Page Not Found: How Broken Links Are Eating the Web's Memory",
         ["More than a third of the links cited in news articles published ten years ago now lead nowhere, a study by researchers at the University of Wexford found.",
          "The team followed 200,000 links from archived news pages and recorded what each one returned today. Many pointed at pages that had been deleted; others answered with a polite page saying the document could not be found.",
          "Librarians have warned for years that the web forgets quickly. The researchers say publishers should archive what they link to and keep their own addresses stable.",
          "The study will be presented at a digital preservation conference in Leiden next month."]),
    ],
    "de": [
        ("Warum die Meldung „Seite nicht gefunden“ Händler Millionen kostet",
         ["Kunden, die im Onlineshop auf die Meldung „Seite nicht gefunden“ stoßen, brechen ihren Einkauf meist sofort ab. Das zeigt eine Umfrage unter 3.000 Verbrauchern.",
          "Nach Berechnungen der Studienautoren entgehen mittelgroßen Händlern dadurch im Schnitt rund eine Million Euro Umsatz im Jahr.",
          "Häufige Ursache sind gelöschte Aktionsseiten, auf die alte Newsletter weiterhin verweisen. Die Autoren raten, solche Seiten umzuleiten statt sie einfach zu löschen."]),
    ],
    "fr": [
        ("Erreur 404 : la panne qui coûte cher aux sites marchands",
         ["Les internautes qui tombent sur une « page introuvable » quittent le plus souvent le site sans rien acheter, selon une étude publiée lundi par un cabinet parisien.",
          "Les liens cassés et les fiches produits supprimées coûteraient en moyenne 800 000 euros par an à une enseigne de taille moyenne.",
          "Les auteurs recommandent de rediriger les anciennes pages vers des produits proches et de vérifier chaque semaine les liens qui ne fonctionnent plus."]),
    ],
    "es": [
        ("El «error 404» cuesta millones a las tiendas en línea",
         ["Los clientes que encuentran el mensaje «página no encontrada» abandonan la tienda en segundos, según un estudio publicado el lunes por una consultora de Barcelona.",
          "Los enlaces rotos y las fichas de productos eliminadas cuestan a un comercio mediano alrededor de un millón de euros al año en ventas perdidas.",
          "Los autores aconsejan redirigir las páginas antiguas a productos similares y revisar cada semana los enlaces que ya no funcionan."]),
    ],
}

NOT_FOUND_HEADLINES = [
    ("Missing Hiker Not Found After Three-Day Search in Cairn Hills", [
        "Rescue teams have suspended the search for a hiker missing in the Cairn Hills since Saturday after three days of combing the area with dogs and a helicopter.",
        "The 46-year-old man was last seen leaving a mountain hut in poor weather. Police said the search would resume if new information came to light.",
        "Volunteers from four rescue groups took part, covering more than forty square kilometres of steep and wooded ground."]),
    ("Stolen Painting Still Not Found a Year After Museum Raid", [
        "A year after thieves took a seventeenth-century landscape from the Harwick Museum, the painting is still not found and police say they have few new leads.",
        "The museum has raised its reward for information to 100,000 pounds and installed a new alarm system paid for by a private donor.",
        "Investigators believe the theft was commissioned by a collector and that the painting has probably left the country."]),
    ("Cause of Harbour Fire Not Found, Investigators Say", [
        "Fire investigators said on Friday they had not found the cause of the blaze that destroyed two warehouses at Port Ellery last month.",
        "The report rules out arson but cannot say whether faulty wiring or a discarded cigarette started the fire, which burned for eleven hours.",
        "The port operator said it would rebuild both warehouses and review fire safety across the site."]),
]

NOT_FOUND_BRIEFS = [
    ("Wreck of Fishing Boat Not Found", "PORT ELLERY (Harbour Wire) — Divers searching for the wreck of the fishing boat Marigold, which sank in a storm on Sunday, said on Tuesday they had not found it yet."),
    ("Document Not Found, Court Adjourns Hearing", "TARNSIDE (Harbour Wire) — A court adjourned a planning hearing on Monday after lawyers said a key survey document could not be located in the council's files."),
]
