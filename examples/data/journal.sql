-- PostgreSQL database dump
-- Dumped from database version 15.8 (Debian 15.8-0+deb12u1)
-- Database: journal (produktion)

SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;

CREATE TABLE public.patient (
    id integer NOT NULL,
    cpr character(10) NOT NULL,
    fornavn text NOT NULL,
    efternavn text NOT NULL,
    adresse text,
    postnr character(4),
    bynavn text,
    telefon character varying(12),
    oprettet timestamp with time zone DEFAULT now()
);

CREATE TABLE public.kontakt (
    id integer NOT NULL,
    patient_cpr character(10) NOT NULL,
    dato date NOT NULL,
    afdeling text,
    notat text
);

INSERT INTO public.patient (id, cpr, fornavn, efternavn, adresse, postnr, bynavn, telefon, oprettet) VALUES
(1001, '2911700657', 'Mads', 'Møller', 'Bøgevej 104', '8000', 'Aarhus C', '+45 56180593', '2024-06-05 13:41:03+01'),
(1002, '3004490931', 'Henrik', 'Madsen', 'Kirkevej 66', '8600', 'Silkeborg', '+45 66136385', '2024-02-27 15:06:23+01'),
(1003, '0904342793', 'Mikkel', 'Kristensen', 'Havnegade 116', '8600', 'Silkeborg', '+45 51560836', '2024-10-02 15:13:02+01'),
(1004, '1008949901', 'Erik', 'Larsen', 'Bøgevej 22', '3000', 'Helsingør', '+45 54678469', '2024-02-14 13:04:15+01'),
(1005, '2805413959', 'Oliver', 'Mortensen', 'Havnegade 27', '7400', 'Herning', '+45 44924312', '2024-02-18 13:03:52+01'),
(1006, '3010464985', 'Anders', 'Kristensen', 'Nørregade 116', '9000', 'Aalborg', '+45 37476751', '2024-10-04 10:40:40+01'),
(1007, '2610694641', 'Jens', 'Kristensen', 'Havnegade 11', '8600', 'Silkeborg', '+45 78715385', '2024-10-02 16:37:25+01'),
(1008, '3005439273', 'Lars', 'Pedersen', 'Havnegade 70', '8000', 'Aarhus C', '+45 89791134', '2024-01-08 07:35:54+01'),
(1009, '2811352880', 'Freja', 'Jensen', 'Møllevej 89', '3000', 'Helsingør', '+45 84756343', '2024-03-10 13:09:34+01'),
(1010, '2502035156', 'Birgit', 'Christensen', 'Skolevej 21', '2200', 'København N', '+45 58481145', '2024-02-19 11:35:52+01'),
(1011, '0802960484', 'Anne', 'Thomsen', 'Østerbrogade 108', '2300', 'København S', '+45 81260100', '2024-11-06 08:37:36+01'),
(1012, '1305732830', 'Pia', 'Bæk', 'Søndergade 99', '8000', 'Aarhus C', '+45 77783636', '2024-11-07 12:06:35+01'),
(1013, '0805482929', 'Mads', 'Jørgensen', 'Østerbrogade 55', '9000', 'Aalborg', '+45 88790549', '2024-12-03 16:03:39+01'),
(1014, '0306701053', 'Mikkel', 'Thomsen', 'Østerbrogade 102', '6700', 'Esbjerg', '+45 30902029', '2024-04-16 15:27:49+01'),
(1015, '2306880074', 'Susanne', 'Kjær', 'Egevænget 30', '7400', 'Herning', '+45 51070869', '2024-06-15 16:59:29+01'),
(1016, '0210963669', 'Niels', 'Kjær', 'Østerbrogade 32', '2300', 'København S', '+45 81459805', '2024-06-10 10:50:11+01'),
(1017, '2407924870', 'Signe', 'Holm', 'Østerbrogade 101', '8600', 'Silkeborg', '+45 87769077', '2024-12-25 10:05:36+01'),
(1018, '0105704571', 'Henrik', 'Lund', 'Åboulevard 78', '5000', 'Odense C', '+45 77524324', '2024-05-17 14:56:21+01'),
(1019, '1010823524', 'Camilla', 'Holm', 'Bøgevej 68', '7400', 'Herning', '+45 55114069', '2024-12-15 11:38:04+01'),
(1020, '2301198405', 'Oliver', 'Østergaard', 'Skolevej 12', '2200', 'København N', '+45 81737307', '2024-02-17 13:10:48+01'),
(1021, '2805953759', 'Thomas', 'Pedersen', 'Nørregade 48', '7100', 'Vejle', '+45 70892118', '2024-06-05 14:26:02+01'),
(1022, '1401880174', 'Lone', 'Holm', 'Bøgevej 15', '3000', 'Helsingør', '+45 69477802', '2024-11-03 15:36:50+01'),
(1023, '2003562573', 'Poul', 'Møller', 'Skolevej 112', '8600', 'Silkeborg', '+45 37391746', '2024-06-11 12:38:31+01'),
(1024, '2604464008', 'Signe', 'Møller', 'Bøgevej 128', '8600', 'Silkeborg', '+45 22322387', '2024-10-26 14:04:53+01'),
(1025, '0806799815', 'Bent', 'Poulsen', 'Bøgevej 89', '3000', 'Helsingør', '+45 85350958', '2024-02-09 14:44:42+01'),
(1026, '2309529734', 'Birgit', 'Poulsen', 'Vestergade 117', '7100', 'Vejle', '+45 30061712', '2024-02-02 11:41:36+01'),
(1027, '2812559144', 'Sofie', 'Johansen', 'Vestergade 119', '8600', 'Silkeborg', '+45 73148566', '2024-11-27 14:18:45+01'),
(1028, '0806581070', 'Susanne', 'Andersen', 'Havnegade 121', '2300', 'København S', '+45 24738955', '2024-07-22 12:01:29+01'),
(1029, '1910424854', 'Mette', 'Jensen', 'Egevænget 98', '3000', 'Helsingør', '+45 86759214', '2024-06-06 16:07:31+01'),
(1030, '1502124478', 'Sofie', 'Poulsen', 'Søndergade 131', '5000', 'Odense C', '+45 23879599', '2024-01-07 11:08:47+01'),
(1031, '2801920937', 'Thomas', 'Christensen', 'Åboulevard 75', '7100', 'Vejle', '+45 28137065', '2024-04-13 13:58:55+01'),
(1032, '0611640293', 'Rasmus', 'Petersen', 'Bøgevej 90', '9000', 'Aalborg', '+45 20572410', '2024-08-03 09:28:25+01'),
(1033, '2108098948', 'Tina', 'Møller', 'Søndergade 63', '1000', 'København K', '+45 79290386', '2024-09-09 09:52:27+01'),
(1034, '0608114750', 'Pia', 'Jørgensen', 'Åboulevard 116', '4000', 'Roskilde', '+45 48022695', '2024-09-09 13:22:43+01'),
(1035, '1805831574', 'Karen', 'Nielsen', 'Kirkevej 9', '5000', 'Odense C', '+45 45774718', '2024-07-08 09:05:11+01'),
(1036, '1604761340', 'Anne', 'Holm', 'Åboulevard 6', '9000', 'Aalborg', '+45 24103018', '2024-03-08 10:00:31+01'),
(1037, '1412363988', 'Signe', 'Holm', 'Østerbrogade 117', '7100', 'Vejle', '+45 48730404', '2024-10-06 11:18:00+01'),
(1038, '0607693382', 'Emma', 'Mortensen', 'Søndergade 62', '8600', 'Silkeborg', '+45 57708510', '2024-03-14 15:23:39+01'),
(1039, '2509593985', 'Rasmus', 'Lund', 'Havnegade 36', '6700', 'Esbjerg', '+45 89288374', '2024-10-11 09:44:54+01'),
(1040, '3112774180', 'Tina', 'Lund', 'Skolevej 69', '1000', 'København K', '+45 24220076', '2024-09-20 07:29:57+01'),
(1041, '3001982086', 'Kirsten', 'Petersen', 'Strandvejen 73', '5000', 'Odense C', '+45 38424230', '2024-11-26 15:25:25+01'),
(1042, '1807313475', 'Erik', 'Jørgensen', 'Søndergade 139', '7100', 'Vejle', '+45 86367836', '2024-07-13 08:30:40+01'),
(1043, '0504138224', 'Lene', 'Hansen', 'Rosenvænget 54', '8600', 'Silkeborg', '+45 22233743', '2024-07-02 10:04:13+01'),
(1044, '2205064002', 'Anne', 'Møller', 'Bøgevej 55', '2200', 'København N', '+45 22127225', '2024-08-06 08:21:38+01'),
(1045, '0602320740', 'Camilla', 'Larsen', 'Egevænget 46', '9000', 'Aalborg', '+45 69610956', '2024-01-04 07:36:09+01'),
(1046, '3007683536', 'Lene', 'Hansen', 'Vestergade 42', '3000', 'Helsingør', '+45 39303152', '2024-09-04 12:39:01+01'),
(1047, '1605007461', 'Søren', 'Kristensen', 'Egevænget 50', '2200', 'København N', '+45 75527625', '2024-02-28 10:39:24+01'),
(1048, '0107067084', 'Camilla', 'Petersen', 'Søndergade 130', '8600', 'Silkeborg', '+45 59553687', '2024-03-21 11:22:38+01'),
(1049, '1911454273', 'Noah', 'Olsen', 'Fælledvej 95', '7100', 'Vejle', '+45 27562215', '2024-06-16 08:07:54+01'),
(1050, '0907371576', 'Hanne', 'Larsen', 'Nørregade 5', '8600', 'Silkeborg', '+45 30091912', '2024-08-15 14:30:19+01'),
(1051, '0112453938', 'Karen', 'Nielsen', 'Vestergade 26', '7400', 'Herning', '+45 79240659', '2024-02-05 08:47:21+01'),
(1052, '1810989129', 'Poul', 'Petersen', 'Egevænget 95', '6700', 'Esbjerg', '+45 84517415', '2024-12-09 14:53:44+01'),
(1053, '2703473760', 'Hanne', 'Sørensen', 'Egevænget 91', '4000', 'Roskilde', '+45 34275176', '2024-03-17 07:13:33+01'),
(1054, '1511759753', 'Erik', 'Østergaard', 'Søndergade 41', '4000', 'Roskilde', '+45 42042068', '2024-06-05 15:58:01+01'),
(1055, '1410564772', 'Freja', 'Jensen', 'Åboulevard 124', '6700', 'Esbjerg', '+45 83287854', '2024-09-10 08:44:54+01'),
(1056, '1207500174', 'Anne', 'Rasmussen', 'Skolevej 8', '4000', 'Roskilde', '+45 71838671', '2024-05-17 12:58:10+01'),
(1057, '3105914392', 'Hanne', 'Christensen', 'Havnegade 97', '8600', 'Silkeborg', '+45 39881028', '2024-06-25 10:34:34+01'),
(1058, '7204883374', 'Peter', 'Sørensen', 'Møllevej 51', '2300', 'København S', '+45 21442243', '2024-09-11 10:39:51+01'),
(1059, '6701651677', 'Peter', 'Thomsen', 'Søndergade 104', '2300', 'København S', '+45 69890116', '2024-04-26 10:52:25+01'),
(1060, '0102510585', 'Henrik', 'Holm', 'Østerbrogade 52', '2300', 'København S', '+45 82989488', '2024-12-26 10:12:33+01');

INSERT INTO public.kontakt (id, patient_cpr, dato, afdeling, notat) VALUES
(50001, '0611640293', '2025-01-15', 'Ortopædkirurgi', 'Kontrol efter udskrivelse.'),
(50002, '2801920937', '2025-06-26', 'Børneafdelingen', 'Blodprøver taget, svar følger.'),
(50003, '1810989129', '2025-07-06', 'Akutmodtagelsen', 'Recept fornyet.'),
(50004, '2306880074', '2025-08-29', 'Medicinsk afd. M1', 'Blodprøver taget, svar følger.'),
(50005, '1401880174', '2025-01-01', 'Børneafdelingen', 'Indlagt til observation.'),
(50006, '6701651677', '2025-02-13', 'Psykiatrisk skadestue', 'Recept fornyet.'),
(50007, '3005439273', '2025-04-13', 'Børneafdelingen', 'Samtale med ægtefælle (cpr-nr. 670165-1677).'),
(50008, '3105914392', '2025-06-20', 'Akutmodtagelsen', 'Samtale med ægtefælle (cpr-nr. 130573-2830).'),
(50009, '1810989129', '2025-08-26', 'Børneafdelingen', 'Samtale med ægtefælle (cpr-nr. 160500-7461).'),
(50010, '0107067084', '2025-03-29', 'Medicinsk afd. M1', 'Pårørende kontaktet, se også CPR 301046-4985.'),
(50011, '3004490931', '2025-03-16', 'Geriatrisk ambulatorium', 'Indlagt til observation.'),
(50012, '2703473760', '2025-06-29', 'Medicinsk afd. M1', 'Indlagt til observation.'),
(50013, '1604761340', '2025-01-11', 'Akutmodtagelsen', 'Pårørende kontaktet, se også CPR 160476-1340.'),
(50014, '1810989129', '2025-09-27', 'Psykiatrisk skadestue', 'Henvist fra egen læge.'),
(50015, '0102510585', '2025-04-10', 'Medicinsk afd. M1', 'Samtale med ægtefælle (cpr-nr. 281135-2880).'),
(50016, '3004490931', '2025-05-30', 'Geriatrisk ambulatorium', 'Blodprøver taget, svar følger.'),
(50017, '0210963669', '2025-05-13', 'Geriatrisk ambulatorium', 'Recept fornyet.'),
(50018, '2812559144', '2025-02-01', 'Psykiatrisk skadestue', 'Pårørende kontaktet, se også CPR 151175-9753.'),
(50019, '2003562573', '2025-10-26', 'Geriatrisk ambulatorium', 'Indlagt til observation.'),
(50020, '2812559144', '2025-09-30', 'Medicinsk afd. M1', 'Pårørende kontaktet, se også CPR 270347-3760.'),
(50021, '0608114750', '2025-08-14', 'Medicinsk afd. M1', 'Kontrol efter udskrivelse.'),
(50022, '2509593985', '2025-03-30', 'Medicinsk afd. M1', 'Pårørende kontaktet, se også CPR 291170-0657.'),
(50023, '2801920937', '2025-10-12', 'Akutmodtagelsen', 'Henvist fra egen læge.'),
(50024, '2805953759', '2025-02-24', 'Geriatrisk ambulatorium', 'Indlagt til observation.'),
(50025, '1008949901', '2025-05-22', 'Akutmodtagelsen', 'Blodprøver taget, svar følger.'),
(50026, '0907371576', '2025-10-15', 'Akutmodtagelsen', 'Indlagt til observation.'),
(50027, '1911454273', '2025-08-15', 'Ortopædkirurgi', 'Henvist fra egen læge.'),
(50028, '3112774180', '2025-05-22', 'Børneafdelingen', 'Blodprøver taget, svar følger.'),
(50029, '2108098948', '2025-09-17', 'Medicinsk afd. M1', 'Indlagt til observation.'),
(50030, '0602320740', '2025-10-14', 'Medicinsk afd. M1', 'Udeblevet, ny tid sendt via e-Boks.'),
(50031, '1511759753', '2025-08-02', 'Akutmodtagelsen', 'Pårørende kontaktet, se også CPR 191042-4854.'),
(50032, '2309529734', '2025-02-07', 'Psykiatrisk skadestue', 'Recept fornyet.'),
(50033, '0210963669', '2025-04-19', 'Psykiatrisk skadestue', 'Henvist fra egen læge.'),
(50034, '2301198405', '2025-03-21', 'Psykiatrisk skadestue', 'Henvist fra egen læge.'),
(50035, '1807313475', '2025-03-15', 'Ortopædkirurgi', 'Recept fornyet.'),
(50036, '3105914392', '2025-04-23', 'Psykiatrisk skadestue', 'Indlagt til observation.'),
(50037, '2610694641', '2025-03-25', 'Psykiatrisk skadestue', 'Indlagt til observation.'),
(50038, '1511759753', '2025-08-09', 'Geriatrisk ambulatorium', 'Pårørende kontaktet, se også CPR 230688-0074.'),
(50039, '2309529734', '2025-04-11', 'Ortopædkirurgi', 'Samtale med ægtefælle (cpr-nr. 140188-0174).'),
(50040, '2805953759', '2025-01-10', 'Ortopædkirurgi', 'Recept fornyet.'),
(50041, '1604761340', '2025-01-10', 'Børneafdelingen', 'Indlagt til observation.'),
(50042, '1401880174', '2025-09-20', 'Akutmodtagelsen', 'Udeblevet, ny tid sendt via e-Boks.'),
(50043, '3005439273', '2025-02-23', 'Akutmodtagelsen', 'Blodprøver taget, svar følger.'),
(50044, '2407924870', '2025-04-03', 'Ortopædkirurgi', 'Kontrol efter udskrivelse.'),
(50045, '1911454273', '2025-05-13', 'Børneafdelingen', 'Samtale med ægtefælle (cpr-nr. 281135-2880).'),
(50046, '2502035156', '2025-06-17', 'Akutmodtagelsen', 'Indlagt til observation.'),
(50047, '0105704571', '2025-08-06', 'Akutmodtagelsen', 'Pårørende kontaktet, se også CPR 100894-9901.'),
(50048, '0105704571', '2025-05-14', 'Akutmodtagelsen', 'Henvist fra egen læge.'),
(50049, '2509593985', '2025-02-04', 'Ortopædkirurgi', 'Blodprøver taget, svar følger.'),
(50050, '1207500174', '2025-01-06', 'Ortopædkirurgi', 'Indlagt til observation.'),
(50051, '1604761340', '2025-03-08', 'Akutmodtagelsen', 'Udeblevet, ny tid sendt via e-Boks.'),
(50052, '0608114750', '2025-02-26', 'Medicinsk afd. M1', 'Blodprøver taget, svar følger.'),
(50053, '2407924870', '2025-04-14', 'Ortopædkirurgi', 'Pårørende kontaktet, se også CPR 100894-9901.'),
(50054, '3001982086', '2025-05-29', 'Børneafdelingen', 'Blodprøver taget, svar følger.'),
(50055, '2108098948', '2025-05-19', 'Ortopædkirurgi', 'Pårørende kontaktet, se også CPR 220506-4002.'),
(50056, '1810989129', '2025-01-19', 'Akutmodtagelsen', 'Udeblevet, ny tid sendt via e-Boks.'),
(50057, '3004490931', '2025-09-21', 'Børneafdelingen', 'Blodprøver taget, svar følger.'),
(50058, '0210963669', '2025-02-24', 'Psykiatrisk skadestue', 'Indlagt til observation.'),
(50059, '2703473760', '2025-09-11', 'Geriatrisk ambulatorium', 'Samtale med ægtefælle (cpr-nr. 180731-3475).'),
(50060, '1511759753', '2025-09-17', 'Ortopædkirurgi', 'Samtale med ægtefælle (cpr-nr. 310591-4392).'),
(50061, '0602320740', '2025-06-25', 'Medicinsk afd. M1', 'Blodprøver taget, svar følger.'),
(50062, '1511759753', '2025-07-27', 'Ortopædkirurgi', 'Pårørende kontaktet, se også CPR 310591-4392.'),
(50063, '1008949901', '2025-01-08', 'Akutmodtagelsen', 'Pårørende kontaktet, se også CPR 151175-9753.'),
(50064, '3001982086', '2025-08-09', 'Medicinsk afd. M1', 'Udeblevet, ny tid sendt via e-Boks.'),
(50065, '1008949901', '2025-09-17', 'Psykiatrisk skadestue', 'Samtale med ægtefælle (cpr-nr. 301046-4985).'),
(50066, '1010823524', '2025-05-31', 'Akutmodtagelsen', 'Blodprøver taget, svar følger.'),
(50067, '1502124478', '2025-05-18', 'Børneafdelingen', 'Pårørende kontaktet, se også CPR 130573-2830.'),
(50068, '2911700657', '2025-06-18', 'Geriatrisk ambulatorium', 'Recept fornyet.'),
(50069, '2805953759', '2025-06-08', 'Medicinsk afd. M1', 'Kontrol efter udskrivelse.'),
(50070, '2003562573', '2025-06-21', 'Børneafdelingen', 'Kontrol efter udskrivelse.');

-- Data for Name: audit_log; Type: TABLE DATA; Schema: public
COPY public.audit_log (id, bruger, handling, cpr, tidspunkt) FROM stdin;
9000	sekr08	rettelse	3010464985	2025-03-17 13:15:00+01
9001	sekr01	opslag	2108098948	2025-03-09 11:09:00+01
9002	sekr01	rettelse	2309529734	2025-03-01 14:19:00+01
9003	sekr04	opslag	3001982086	2025-03-19 18:54:00+01
9004	sekr03	udskrift	1911454273	2025-03-23 19:24:00+01
9005	sekr06	udskrift	1911454273	2025-03-16 12:18:00+01
9006	sekr03	opslag	1605007461	2025-03-27 18:40:00+01
9007	sekr03	udskrift	0806581070	2025-03-25 18:36:00+01
9008	sekr01	udskrift	1511759753	2025-03-19 13:05:00+01
9009	sekr01	opslag	3004490931	2025-03-21 15:06:00+01
9010	sekr08	udskrift	0806799815	2025-03-02 10:40:00+01
9011	sekr04	rettelse	1805831574	2025-03-09 10:29:00+01
9012	sekr02	udskrift	1810989129	2025-03-17 18:05:00+01
9013	sekr02	udskrift	0504138224	2025-03-24 17:16:00+01
9014	sekr02	rettelse	1810989129	2025-03-08 13:14:00+01
9015	sekr08	rettelse	0107067084	2025-03-28 16:04:00+01
9016	sekr05	opslag	2801920937	2025-03-20 13:04:00+01
9017	sekr03	rettelse	2509593985	2025-03-09 14:39:00+01
9018	sekr03	opslag	1412363988	2025-03-16 10:31:00+01
9019	sekr02	udskrift	0105704571	2025-03-07 17:18:00+01
9020	sekr05	rettelse	3007683536	2025-03-15 17:49:00+01
9021	sekr04	rettelse	3005439273	2025-03-03 17:01:00+01
9022	sekr08	opslag	1010823524	2025-03-27 18:28:00+01
9023	sekr07	opslag	0105704571	2025-03-07 11:37:00+01
9024	sekr03	udskrift	3010464985	2025-03-17 14:23:00+01
\.

ALTER TABLE ONLY public.patient ADD CONSTRAINT patient_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.patient ADD CONSTRAINT patient_cpr_key UNIQUE (cpr);
-- PostgreSQL database dump complete
