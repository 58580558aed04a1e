/**
 * The words the procedure generator (procedure-generator.ts) combines, per field: the department and authority,
 * the legal basis, the documents and acts, qualifiers and components. Pure data.
 */
import type { LegalBasis } from '../../domain/catalogue/procedure.js';

export const law = (number: string, title: string, effectiveFrom: string): LegalBasis => ({ number, title, effectiveFrom });

export interface FieldVocabulary {
  /** MaLinhVuc, as in DEMO_FIELDS. */
  field: string;
  /** Implementing department of province-level procedures. */
  unit: string;
  authority: { province: string; commune: string };
  legal: LegalBasis;
  /** Documents a result is issued as: combined with the licence verbs. */
  documents: readonly string[];
  /** Acts with their own verb. */
  acts: readonly string[];
  qualifiers: readonly string[];
  components: readonly string[];
}

const UBND_XA = 'Ủy ban nhân dân cấp xã';

/** Field codes repeat DEMO_FIELDS (demo-catalogue.ts imports this module, so it cannot import that one); the tests check they match. */
export const VOCABULARY: readonly FieldVocabulary[] = [
  {
    field: 'G09-TP05',
    unit: '000.00.03.H37',
    authority: { province: 'Sở Tư pháp', commune: UBND_XA },
    legal: law('60/2014/QH13', 'Luật Hộ tịch', '2016-01-01'),
    documents: ['trích lục hộ tịch', 'bản sao trích lục khai sinh', 'Giấy xác nhận tình trạng hôn nhân'],
    acts: ['Đăng ký khai sinh', 'Đăng ký khai tử', 'Đăng ký kết hôn', 'Đăng ký giám hộ', 'Đăng ký nhận cha, mẹ, con', 'Ghi vào Sổ hộ tịch việc ly hôn'],
    qualifiers: ['có yếu tố nước ngoài', 'cho người đã có hồ sơ, giấy tờ cá nhân', 'tại khu vực biên giới', 'kết hợp nhận cha, mẹ, con', 'lưu động'],
    components: ['Tờ khai theo mẫu', 'Giấy chứng sinh', 'Giấy báo tử', 'Trích lục hộ tịch đã cấp'],
  },
  {
    field: 'G09-TP02',
    unit: '000.00.03.H37',
    authority: { province: 'Sở Tư pháp', commune: UBND_XA },
    legal: law('23/2015/NĐ-CP', 'Nghị định về chứng thực', '2015-04-10'),
    documents: ['bản sao từ sổ gốc', 'bản sao có chứng thực'],
    acts: [
      'Chứng thực bản sao từ bản chính',
      'Chứng thực chữ ký',
      'Chứng thực hợp đồng, giao dịch',
      'Chứng thực di chúc',
      'Chứng thực văn bản thỏa thuận phân chia di sản',
    ],
    qualifiers: [
      'liên quan đến tài sản là động sản',
      'liên quan đến quyền sử dụng đất và nhà ở',
      'người dịch là cộng tác viên',
      'bằng tiếng nước ngoài',
      'trường hợp người yêu cầu không thể ký',
    ],
    components: ['Bản chính giấy tờ, văn bản', 'Dự thảo hợp đồng, giao dịch', 'Giấy tờ tùy thân'],
  },
  {
    field: 'G09-TP07',
    unit: '000.00.03.H37',
    authority: { province: 'Sở Tư pháp', commune: UBND_XA },
    legal: law('28/2009/QH12', 'Luật Lý lịch tư pháp', '2010-07-01'),
    documents: ['Phiếu lý lịch tư pháp số 1', 'Phiếu lý lịch tư pháp số 2'],
    acts: ['Tra cứu thông tin lý lịch tư pháp', 'Cập nhật thông tin lý lịch tư pháp', 'Đính chính Phiếu lý lịch tư pháp'],
    qualifiers: [
      'cho công dân Việt Nam',
      'cho người nước ngoài đã cư trú tại Việt Nam',
      'cho cơ quan tiến hành tố tụng',
      'qua ứng dụng VNeID',
      'theo yêu cầu của cơ quan nhà nước',
    ],
    components: ['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'Văn bản ủy quyền', 'Giấy tờ tùy thân'],
  },
  {
    field: 'G09-TP08',
    unit: '000.00.03.H37',
    authority: { province: 'Sở Tư pháp', commune: UBND_XA },
    legal: law('52/2010/QH12', 'Luật Nuôi con nuôi', '2011-01-01'),
    documents: ['Giấy chứng nhận nuôi con nuôi', 'Giấy xác nhận đủ điều kiện nhận con nuôi'],
    acts: ['Đăng ký nuôi con nuôi', 'Đăng ký lại việc nuôi con nuôi', 'Giới thiệu trẻ em làm con nuôi'],
    qualifiers: ['trong nước', 'có yếu tố nước ngoài', 'đối với trẻ em sống tại cơ sở nuôi dưỡng', 'tại khu vực biên giới'],
    components: ['Đơn xin nhận con nuôi', 'Phiếu lý lịch tư pháp của người nhận con nuôi', 'Giấy khám sức khỏe'],
  },
  {
    field: 'G09-TP09',
    unit: '000.00.03.H37',
    authority: { province: 'Sở Tư pháp', commune: UBND_XA },
    legal: law('24/2008/QH12', 'Luật Quốc tịch Việt Nam', '2009-07-01'),
    documents: ['Giấy xác nhận có quốc tịch Việt Nam', 'Giấy xác nhận là người gốc Việt Nam'],
    acts: ['Nhập quốc tịch Việt Nam', 'Trở lại quốc tịch Việt Nam', 'Thôi quốc tịch Việt Nam'],
    qualifiers: ['ở trong nước', 'cho người không quốc tịch', 'đối với trẻ em là con nuôi'],
    components: ['Đơn xin nhập quốc tịch Việt Nam', 'Bản khai lý lịch', 'Phiếu lý lịch tư pháp'],
  },
  {
    field: 'G11-XD01',
    unit: '000.00.07.H37',
    authority: { province: 'Sở Xây dựng', commune: UBND_XA },
    legal: law('50/2014/QH13', 'Luật Xây dựng', '2015-01-01'),
    documents: ['giấy phép xây dựng', 'chứng chỉ hành nghề hoạt động xây dựng', 'chứng chỉ năng lực hoạt động xây dựng', 'giấy phép di dời công trình'],
    acts: [
      'Thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng',
      'Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở',
      'Kiểm tra công tác nghiệm thu công trình xây dựng',
    ],
    qualifiers: [
      'đối với nhà ở riêng lẻ',
      'đối với công trình cấp II, cấp III',
      'công trình theo tuyến',
      'công trình tín ngưỡng, tôn giáo',
      'có thời hạn',
      'hạng II, hạng III',
    ],
    components: ['Đơn đề nghị theo mẫu', 'Bản vẽ thiết kế xây dựng', 'Giấy tờ chứng minh quyền sử dụng đất'],
  },
  {
    field: 'G11-GT02',
    unit: '000.00.07.H37',
    authority: { province: 'Sở Xây dựng', commune: UBND_XA },
    legal: law('35/2024/QH15', 'Luật Đường bộ', '2025-01-01'),
    documents: ['giấy phép liên vận', 'giấy phép kinh doanh vận tải bằng xe ô tô', 'phù hiệu xe', 'giấy phép thi công công trình trên đường bộ'],
    acts: ['Chấp thuận thiết kế nút giao đấu nối vào quốc lộ', 'Đăng ký khai thác tuyến vận tải hành khách cố định', 'Công bố đưa bến xe khách vào khai thác'],
    qualifiers: ['giữa Việt Nam và Trung Quốc', 'qua cửa khẩu Hữu Nghị', 'cho phương tiện phi thương mại', 'cho xe công vụ', 'trên tuyến quốc lộ 1'],
    components: ['Giấy đề nghị theo mẫu', 'Giấy chứng nhận đăng ký xe', 'Hồ sơ thiết kế'],
  },
  {
    field: 'G12-NM01',
    unit: '000.00.06.H37',
    authority: { province: 'Sở Nông nghiệp và Môi trường', commune: UBND_XA },
    legal: law('31/2024/QH15', 'Luật Đất đai', '2024-08-01'),
    documents: ['Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất'],
    acts: [
      'Đăng ký biến động đất đai',
      'Giao đất, cho thuê đất',
      'Chuyển mục đích sử dụng đất',
      'Đăng ký thế chấp quyền sử dụng đất',
      'Tách thửa, hợp thửa đất',
      'Hòa giải tranh chấp đất đai',
    ],
    qualifiers: [
      'lần đầu',
      'cho cá nhân, cộng đồng dân cư',
      'cho tổ chức kinh tế',
      'do chuyển nhượng, thừa kế, tặng cho',
      'đối với đất nông nghiệp',
      'không thông qua đấu giá',
    ],
    components: ['Đơn đăng ký đất đai theo mẫu', 'Giấy chứng nhận đã cấp', 'Hợp đồng chuyển nhượng đã công chứng'],
  },
  {
    field: 'G12-NM04',
    unit: '000.00.06.H37',
    authority: { province: 'Ủy ban nhân dân tỉnh', commune: UBND_XA },
    legal: law('72/2020/QH14', 'Luật Bảo vệ môi trường', '2022-01-01'),
    documents: ['giấy phép môi trường', 'giấy phép khai thác nước dưới đất', 'giấy phép xả nước thải vào nguồn nước'],
    acts: ['Thẩm định báo cáo đánh giá tác động môi trường', 'Đăng ký môi trường', 'Vận hành thử nghiệm công trình xử lý chất thải'],
    qualifiers: ['cấp tỉnh', 'đối với cơ sở sản xuất, kinh doanh', 'trong khu công nghiệp', 'tại khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn'],
    components: ['Văn bản đề nghị theo mẫu', 'Báo cáo đề xuất', 'Báo cáo nghiên cứu khả thi'],
  },
  {
    field: 'G04-TC06',
    unit: '000.00.04.H37',
    authority: { province: 'Phòng Đăng ký kinh doanh – Sở Tài chính', commune: UBND_XA },
    legal: law('59/2020/QH14', 'Luật Doanh nghiệp', '2021-01-01'),
    documents: ['Giấy chứng nhận đăng ký doanh nghiệp', 'Giấy chứng nhận đăng ký hoạt động chi nhánh'],
    acts: [
      'Đăng ký thành lập doanh nghiệp',
      'Đăng ký thay đổi người đại diện theo pháp luật',
      'Thông báo tạm ngừng kinh doanh',
      'Giải thể doanh nghiệp',
      'Chuyển đổi loại hình doanh nghiệp',
    ],
    qualifiers: [
      'đối với công ty trách nhiệm hữu hạn một thành viên',
      'đối với công ty cổ phần',
      'đối với doanh nghiệp tư nhân',
      'đối với công ty hợp danh',
      'của địa điểm kinh doanh',
    ],
    components: ['Giấy đề nghị theo mẫu', 'Điều lệ công ty', 'Danh sách thành viên'],
  },
  {
    field: 'G04-TC07',
    unit: '000.00.04.H37',
    authority: { province: 'Sở Tài chính', commune: UBND_XA },
    legal: law('168/2025/NĐ-CP', 'Nghị định về đăng ký doanh nghiệp', '2025-07-01'),
    documents: ['Giấy chứng nhận đăng ký hộ kinh doanh'],
    acts: ['Đăng ký thành lập hộ kinh doanh', 'Tạm ngừng kinh doanh', 'Chấm dứt hoạt động', 'Đăng ký thay đổi nội dung đăng ký'],
    qualifiers: ['của hộ kinh doanh', 'do các thành viên hộ gia đình đăng ký', 'kinh doanh ngành, nghề có điều kiện'],
    components: ['Giấy đề nghị đăng ký hộ kinh doanh', 'Biên bản họp thành viên hộ gia đình'],
  },
  {
    field: 'G10-YT09',
    unit: '000.00.10.H37',
    authority: { province: 'Sở Y tế', commune: 'Chủ tịch Ủy ban nhân dân cấp xã' },
    legal: law('20/2021/NĐ-CP', 'Nghị định về chính sách trợ giúp xã hội', '2021-07-01'),
    documents: ['Giấy xác nhận khuyết tật', 'giấy phép hoạt động của cơ sở trợ giúp xã hội'],
    acts: ['Trợ cấp xã hội hằng tháng', 'Hỗ trợ chi phí mai táng', 'Trợ giúp xã hội khẩn cấp', 'Tiếp nhận đối tượng vào cơ sở trợ giúp xã hội'],
    qualifiers: ['cho người cao tuổi', 'cho người khuyết tật nặng', 'cho trẻ em mồ côi', 'cho hộ nghèo', 'về hỗ trợ làm nhà ở'],
    components: ['Tờ khai đề nghị trợ giúp xã hội', 'Giấy xác nhận khuyết tật', 'Trích lục khai tử'],
  },
  {
    field: 'G02-NV07',
    unit: '000.00.02.H37',
    authority: { province: 'Sở Nội vụ', commune: UBND_XA },
    legal: law('02/2020/UBTVQH14', 'Pháp lệnh Ưu đãi người có công với cách mạng', '2021-07-01'),
    documents: ['Giấy chứng nhận gia đình liệt sĩ', 'Bằng Tổ quốc ghi công'],
    acts: [
      'Giải quyết chế độ trợ cấp thờ cúng liệt sĩ',
      'Hỗ trợ người có công với cách mạng cải thiện nhà ở',
      'Di chuyển hồ sơ người có công',
      'Thăm viếng mộ liệt sĩ',
    ],
    qualifiers: ['đối với thân nhân liệt sĩ', 'đối với thương binh', 'đối với người hoạt động kháng chiến', 'khi người có công từ trần'],
    components: ['Bản khai theo mẫu', 'Giấy chứng nhận người có công', 'Trích lục khai tử'],
  },
  {
    field: 'G08-GD01',
    unit: '000.00.09.H37',
    authority: { province: 'Sở Giáo dục và Đào tạo', commune: UBND_XA },
    legal: law('43/2019/QH14', 'Luật Giáo dục', '2020-07-01'),
    documents: ['bản sao văn bằng, chứng chỉ từ sổ gốc', 'giấy phép hoạt động giáo dục'],
    acts: ['Chuyển trường', 'Công nhận văn bằng tốt nghiệp', 'Thành lập trường mầm non', 'Sáp nhập, chia, tách trường trung học cơ sở'],
    qualifiers: ['đối với học sinh trung học phổ thông', 'đối với học sinh trung học cơ sở', 'do cơ sở giáo dục nước ngoài cấp', 'tư thục', 'dân tộc nội trú'],
    components: ['Đơn đề nghị theo mẫu', 'Học bạ', 'Bản sao văn bằng'],
  },
  {
    field: 'G10-YT01',
    unit: '000.00.10.H37',
    authority: { province: 'Sở Y tế', commune: UBND_XA },
    legal: law('15/2023/QH15', 'Luật Khám bệnh, chữa bệnh', '2024-01-01'),
    documents: ['giấy phép hoạt động khám bệnh, chữa bệnh', 'giấy phép hành nghề khám bệnh, chữa bệnh', 'giấy chứng nhận đủ điều kiện kinh doanh dược'],
    acts: ['Điều chỉnh phạm vi hoạt động chuyên môn', 'Công bố cơ sở đủ điều kiện tiêm chủng', 'Thay đổi người chịu trách nhiệm chuyên môn'],
    qualifiers: [
      'đối với phòng khám đa khoa',
      'đối với phòng khám chuyên khoa',
      'đối với chức danh bác sỹ',
      'đối với chức danh điều dưỡng',
      'đối với nhà thuốc',
    ],
    components: ['Đơn đề nghị theo mẫu', 'Danh sách nhân sự', 'Bản kê khai cơ sở vật chất'],
  },
  {
    field: 'G02-NV04',
    unit: '000.00.02.H37',
    authority: { province: 'Chủ tịch Ủy ban nhân dân tỉnh', commune: 'Chủ tịch Ủy ban nhân dân cấp xã' },
    legal: law('06/2022/QH15', 'Luật Thi đua, khen thưởng', '2024-01-01'),
    documents: ['Bằng khen', 'Giấy khen'],
    acts: ['Tặng danh hiệu Chiến sĩ thi đua', 'Tặng danh hiệu Tập thể lao động xuất sắc', 'Tặng Cờ thi đua', 'Khen thưởng theo chuyên đề'],
    qualifiers: ['cấp tỉnh', 'cho gia đình', 'cho người nước ngoài', 'thành tích đột xuất', 'theo công trạng'],
    components: ['Tờ trình đề nghị khen thưởng', 'Báo cáo thành tích', 'Biên bản họp xét'],
  },
];
