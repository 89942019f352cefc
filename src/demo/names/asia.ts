// Vietnamese: family name first, a middle name (Thị for most women, Văn or another for men), the
// given name last; Nguyễn alone is about 38% of the population. Chinese: family name first,
// pinyin with Hanzi; Fujian surnames (Lin, Chen, Zheng) weighted up, as in UK case work of the
// period. Thai: given name first, long family names, and everyday nicknames used instead.
import { convention } from './namePool.ts';

export const vietnamese = convention('VN', {
  givenMale: 'Anh:4, Minh:5, Hùng:4, Dũng:4, Tuấn:4, Nam:4, Long:3, Huy:3, Đức:3, Thành:3, Khánh:2, Sơn:3, Phúc:2, Bình:2, Cường:3, Hải:3, Quân:2, Tú:2',
  givenFemale: 'Lan:5, Hương:5, Linh:4, Trang:4, Hoa:4, Mai:4, Ngọc:3, Thảo:3, Huyền:3, Phương:3, Hằng:3, Nga:3, Thủy:3, Yến:2, Hạnh:2, Vy:2',
  family: 'Nguyễn:38, Trần:11, Lê:9.5, Phạm:7, Hoàng:5, Huỳnh:4, Phan:4.5, Vũ:3, Võ:2, Đặng:2, Bùi:2, Đỗ:1.4, Hồ:1.3, Ngô:1.3, Dương:1, Lý:0.5',
  middleMale: 'Văn:10, Đức:3, Minh:3, Hữu:2, Quang:2, Thanh:2, Công:1',
  middleFemale: 'Thị:14, Ngọc:2, Thanh:1, Thu:1, Kim:1',
  secondGivenName: 0,
  familyFirst: true,
  nicknames: ['Ti', 'Bé', 'Tí', 'Út', 'Lily', 'Tony'],
  nativeScript: null,
});

export const chinese = convention('CN', {
  givenMale: 'Wei/伟:5, Jun/军:3, Qiang/强:3, Lei/磊:3, Ming/明:3, Jian/建:2, Tao/涛:2, Jian-guo/建国:2, Zhi-qiang/志强:2, Hai-tao/海涛:2, Dong/东:2, Bin/斌:2, Jie/杰:2, Xiao-long/小龙:2, Jian-hua/建华:2',
  givenFemale: 'Xiao-ling/晓玲:3, Mei/梅:3, Li-na/丽娜:3, Xiu-ying/秀英:3, Yan/燕:3, Jing/静:3, Hong/红:3, Fang/芳:3, Hui/慧:2, Ying/英:2, Xiao-mei/小梅:2, Yu-mei/玉梅:2, Li-hua/丽华:2, Xiao-yan/晓燕:2',
  family: 'Wang/王:7, Li/李:7, Zhang/张:6.8, Liu/刘:5.4, Chen/陈:6, Yang/杨:3, Huang/黄:2.4, Zhao/赵:2.3, Wu/吴:2, Zhou/周:2, Xu/徐:1.5, Sun/孙:1.5, Ma/马:1.2, Zhu/朱:1.2, Lin/林:4, Zheng/郑:3, He/何:1.2, Guo/郭:1.4, Gao/高:1',
  secondGivenName: 0,
  familyFirst: true,
  nicknames: ['Lily', 'Amy', 'Coco', 'Kevin', 'Ah Wei', 'Ah Ming'],
  nativeScript: 'Hani',
});

export const thai = convention('TH', {
  givenMale: 'Somchai/สมชาย:5, Somsak/สมศักดิ์:4, Prasert/ประเสริฐ:3, Surachai/สุรชัย:3, Wichai/วิชัย:3, Anan/อนันต์:2, Boonmee/บุญมี:2, Chaiya/ชัยยา:2, Somporn/สมพร:2',
  givenFemale: 'Somying/สมหญิง:3, Malee/มาลี:3, Siriporn/ศิริพร:4, Nittaya/นิตยา:3, Kanya/กัญญา:3, Pranee/ปราณี:3, Wanida/วนิดา:3, Suda/สุดา:2, Ratana/รัตนา:2, Jintana/จินตนา:2, Pornthip/พรทิพย์:3, Duangjai/ดวงใจ:2, Kanokwan/กนกวรรณ:2',
  family: 'Saetang/แซ่ตั้ง:3, Srisuk/ศรีสุข:3, Wongsawat/วงศ์สวัสดิ์:3, Chaiyaporn/ชัยพร:2, Thongchai/ทองชัย:2, Rattanakorn/รัตนากร:2, Boonyasit/บุญยสิทธิ์:2, Sukprasert/สุขประเสริฐ:2, Kaewmanee/แก้วมณี:2, Phromsuwan/พรหมสุวรรณ:2, Chanthawong/จันทวงศ์:2, Saelim/แซ่ลิ้ม:2',
  secondGivenName: 0,
  familyFirst: false,
  nicknames: ['Nok', 'Lek', 'Noi', 'Ploy', 'Joy', 'Fon', 'Bee', 'Pim', 'Nan', 'Toon'],
  nativeScript: 'Thai',
});

export const malaysian = convention('MY', {
  givenMale: 'Muhammad Faizal:3, Ahmad Zaki:2, Mohd Azlan:3, Hafiz:2, Azman:2, Khairul:2, Razak:2',
  givenFemale: 'Nur Aisyah:3, Siti Aminah:3, Nurul Huda:2, Farah:2, Aisyah:2, Zarina:2, Siti Nurhaliza:2',
  // The "family" pool holds fathers' names: Malay names carry bin/binti and the father's name.
  family: 'Abdullah:4, Ismail:3, Ahmad:3, Hassan:3, Ibrahim:3, Yusof:2, Osman:2, Rahman:2, Hamid:2',
  secondGivenName: 0,
  familyFirst: false,
  patronymicParticle: { male: 'bin', female: 'binti' },
  nicknames: ['Fai', 'Zaki', 'Ayu', 'Ina'],
  nativeScript: null,
});

export const indian = convention('IN', {
  givenMale: 'Gurpreet:3, Rajesh:3, Sunil:3, Amit:3, Manjit:2, Sukhwinder:2, Jaswinder:2, Ravi:3, Vijay:2, Harpreet:2, Suresh:2',
  givenFemale: 'Harpreet:2, Manpreet:3, Priya:3, Sunita:3, Anjali:2, Kavita:2, Pooja:3, Simran:2, Lakshmi:2',
  family: 'Singh|Kaur:8, Kumar|Kumari:5, Sharma:4, Patel:4, Gill:2, Sandhu:2, Sidhu:2, Dhillon:2, Nair:2, Reddy:2',
  secondGivenName: 0,
  familyFirst: false,
  nicknames: ['Raju', 'Sonu', 'Pinky', 'Bunty'],
  nativeScript: null,
});
